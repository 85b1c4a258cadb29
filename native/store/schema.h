#pragma once

#include "common/result.h"

namespace fl {
class Database;

namespace schema {
/// 'FLDG': marks the SQLite file as ours, so a foreign database is refused, not altered.
constexpr int ApplicationId = 0x464C4447;
/// Refuses a file that is not SQLite (Corrupt), another application's database (ForeignFile)
/// or one from a newer release (Unsupported), before anything is written to it.
Result<void> verifyOwnership(Database &db);
/// The version migrate() brings a database to.
[[nodiscard]] int latestVersion();
/// Creates or upgrades the schema in steps, one transaction per step. A database from a
/// newer release or another application is refused with the file untouched.
Result<void> migrate(Database &db);
} // namespace schema
} // namespace fl
