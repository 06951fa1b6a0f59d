#include "reviewstatus.h"

namespace ReviewStatuses {

QString name(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Success: return QStringLiteral("success");
    case ReviewStatus::Failure: return QStringLiteral("failure");
    case ReviewStatus::ReviewedSuccess: return QStringLiteral("reviewed_success");
    case ReviewStatus::ReviewedFailure: return QStringLiteral("reviewed_failure");
    }
    return {};
}

std::optional<ReviewStatus> fromName(const QString &text)
{
    for (ReviewStatus status : {ReviewStatus::Success, ReviewStatus::Failure,
                                ReviewStatus::ReviewedSuccess, ReviewStatus::ReviewedFailure}) {
        if (name(status) == text)
            return status;
    }
    return std::nullopt;
}

bool isReviewed(ReviewStatus status)
{
    return status == ReviewStatus::ReviewedSuccess || status == ReviewStatus::ReviewedFailure;
}

bool isSuccess(ReviewStatus status)
{
    return status == ReviewStatus::Success || status == ReviewStatus::ReviewedSuccess;
}

ReviewStatus reviewed(bool success)
{
    return success ? ReviewStatus::ReviewedSuccess : ReviewStatus::ReviewedFailure;
}

ReviewStatus withReviewed(ReviewStatus status, bool reviewed)
{
    if (reviewed)
        return ReviewStatuses::reviewed(isSuccess(status));
    return isSuccess(status) ? ReviewStatus::Success : ReviewStatus::Failure;
}

} // namespace ReviewStatuses
