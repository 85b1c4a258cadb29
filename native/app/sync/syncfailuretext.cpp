// A sync failure in plain words: what happened, and what the person can do about it. Shown by
// the sync page, the settings page's enrolment and the office console.
#include "syncstatus.h"

namespace fl::app {

using sync::SyncError;
using sync::SyncFailure;

QPair<QString, QString> SyncStatus::describeClockAhead(int changeSets) {
    return {tr("%n change(s) were made while this tablet's clock ran more than an hour ahead of "
               "the server's time. The server takes them once its time catches up.",
               "", changeSets),
            tr("Check the date, time and time zone in the system settings. Nothing is lost: the "
               "changes stay on this tablet until the server takes them.")};
}

QPair<QString, QString> SyncStatus::describe(const SyncFailure &f) {
    const QString code = f.code;
    switch (f.error) {
    case SyncError::None:
        return {};
    case SyncError::Network:
        return {tr("The server cannot be reached."),
                tr("Nothing is lost: changes stay on this tablet and are sent when the server "
                   "is in reach. If this lasts, check the network (Wi-Fi or mobile data).")};
    case SyncError::Timeout:
        return {tr("The server stopped answering."),
                tr("Nothing is lost; sync tries again by itself.")};
    case SyncError::ServerError:
        return {tr("The server is failing or busy (HTTP %1).").arg(f.httpStatus),
                tr("Nothing is lost; sync tries again later. Tell the inspection office if "
                   "this lasts.")};
    case SyncError::Unauthorized:
        if (code == QLatin1String("stale_timestamp"))
            return {tr("This tablet's clock is more than 5 minutes off the server's."),
                    tr("Correct the date and time in the system settings, then tap Sync now.")};
        if (code == QLatin1String("revoked_device"))
            return {tr("The inspection office has revoked this tablet: it can no longer sync."),
                    tr("Contact the office. Unsynced changes stay on this tablet.")};
        if (code == QLatin1String("unknown_device"))
            return {tr("The server does not know this tablet."),
                    tr("Enrol it again in Settings with a new code from the inspection office.")};
        if (code == QLatin1String("replayed_nonce"))
            return {tr("The server refused a repeated request."),
                    tr("Nothing is lost; sync tries again by itself.")};
        return {tr("The server did not accept this tablet's signature."),
                tr("Check the server address in Settings, or enrol the tablet again.")};
    case SyncError::Forbidden:
        if (code == QLatin1String("not_member"))
            return {tr("This tablet is not a member of that round."),
                    tr("Ask the inspection office to share the round with this tablet.")};
        if (code == QLatin1String("bad_code"))
            return {tr("The enrolment code is wrong, already used or expired."),
                    tr("Ask the inspection office for a new code.")};
        if (code == QLatin1String("no_code"))
            return {tr("Enter the one-time code from the inspection office."), QString()};
        return {tr("Only an inspection office device may do this."), QString()};
    case SyncError::BadRequest:
        if (code == QLatin1String("bad_address"))
            return {tr("That is not a server address the app can use."),
                    tr("Write it like https://sync.example.org (plain http:// only for this "
                       "machine).")};
        if (code == QLatin1String("unsupported_version"))
            return {tr("The server speaks another version of the sync protocol."),
                    tr("Update the app, or ask the inspection office to update the server. "
                       "Nothing is lost.")};
        return {tr("The server refused the request (HTTP %1).").arg(f.httpStatus),
                tr("The app and the server may not match: update the app. Nothing is lost.")};
    case SyncError::Protocol:
        return {tr("The server's answer was cut off or not understood; nothing from it was used."),
                tr("Sync tries again by itself. If this keeps happening, check the server "
                   "address in Settings.")};
    case SyncError::Cancelled:
        if (code == QLatin1String("busy"))
            return {tr("A sync is running."), tr("Try again when it has finished.")};
        return {tr("Sync was cancelled."), tr("Tap Sync now to continue where it stopped.")};
    case SyncError::NotEnrolled:
        return {tr("This tablet is not enrolled with the inspection office's server yet."),
                tr("Enrol it in Settings with the server address and a one-time code from the "
                   "office. Until then everything is kept on this tablet.")};
    case SyncError::Tls:
        return {tr("The server's identity could not be verified, so nothing was sent."),
                tr("Check the server address and this tablet's date and time, or ask the "
                   "inspection office.")};
    case SyncError::Local:
        if (f.localCode == ErrorCode::Locked)
            return {tr("The vault is locked."), tr("Unlock it; sync then resumes by itself.")};
        if (f.localCode == ErrorCode::DiskFull)
            return {tr("This tablet's storage is full."),
                    tr("Free some space; sync then continues where it stopped.")};
        return {tr("Sync stopped because this tablet could not read or write its own data."),
                tr("Restart the app. If this happens again, contact the inspection office.")};
    }
    return {f.message, QString()};
}

} // namespace fl::app
