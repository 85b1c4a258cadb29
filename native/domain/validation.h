#pragma once

#include "common/result.h"
#include "domain/entities.h"

namespace fl::validation {

/// Checks a finding against its checklist item and visit: required fields (title, item),
/// level matching the item, deduction within 0..item maximum, due date not before the visit.
/// The first broken rule comes back as ErrorCode::Validation with a message naming it.
[[nodiscard]] Result<void> validate(const Finding &finding, const ChecklistItem &item,
                                    const Visit &visit);

[[nodiscard]] Result<void> validate(const Campaign &campaign);
[[nodiscard]] Result<void> validate(const ChecklistItem &item);
[[nodiscard]] Result<void> validate(const Unit &unit);
[[nodiscard]] Result<void> validate(const Visit &visit);
[[nodiscard]] Result<void> validate(const Interview &interview);

} // namespace fl::validation
