#pragma once

// Internal to fieldledger-cli: every command, by group; commands.cpp lists them in its table.
// Each takes the parsed command line with the session opened as the table says.

#include "cli/commandsupport.h"

namespace fl::cli {

// vaultcommands.cpp: the encrypted store itself
Result<Reply> cmdInit(Context &c);
Result<Reply> cmdPasswd(Context &c);
Result<Reply> cmdStatus(Context &c);

// planningcommands.cpp: what a round of inspections is set up with
Result<Reply> cmdCampaignCreate(Context &c);
Result<Reply> cmdCampaignList(Context &c);
Result<Reply> cmdChecklistAdd(Context &c);
Result<Reply> cmdChecklistList(Context &c);
Result<Reply> cmdUnitCreate(Context &c);
Result<Reply> cmdUnitList(Context &c);
Result<Reply> cmdVisitCreate(Context &c);
Result<Reply> cmdVisitList(Context &c);

// findingcommands.cpp: findings and their rectification; deleting any record
Result<Reply> cmdFindingCreate(Context &c);
Result<Reply> cmdFindingList(Context &c);
Result<Reply> cmdFindingShow(Context &c);
Result<Reply> cmdFindingSet(Context &c);
Result<Reply> cmdFindingTransition(Context &c);
Result<Reply> cmdRemove(Context &c);

// interviewcommands.cpp
Result<Reply> cmdInterviewCreate(Context &c);
Result<Reply> cmdInterviewList(Context &c);

// photocommands.cpp
Result<Reply> cmdPhotoAdd(Context &c);
Result<Reply> cmdPhotoList(Context &c);
Result<Reply> cmdPhotoExport(Context &c);

// reportcommands.cpp: scores, rates, the ledger and the visit report
Result<Reply> cmdScore(Context &c);
Result<Reply> cmdRate(Context &c);
Result<Reply> cmdLedgerExport(Context &c);
Result<Reply> cmdReportVisit(Context &c);

// journalcommands.cpp: the change journal, conflicts and the integrity check
Result<Reply> cmdJournal(Context &c);
Result<Reply> cmdConflicts(Context &c);
Result<Reply> cmdConflictResolve(Context &c);
Result<Reply> cmdCheck(Context &c);

// synccommands.cpp: enrolment, sync and sharing a campaign's key
Result<Reply> cmdEnrol(Context &c);
Result<Reply> cmdSync(Context &c);
Result<Reply> cmdShare(Context &c);

// verifycommands.cpp: the chain of custody of a round
Result<Reply> cmdVerify(Context &c);

// democommands.cpp: the README's first command, the real workflow on sample data
Result<Reply> cmdDemo(Context &c);

} // namespace fl::cli
