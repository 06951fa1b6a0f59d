#pragma once

#include <QString>

#include <optional>

// The four-value status of a call log in the observe API. `success` and `is_reviewed`
// in the API's response are derived from it, never stored separately.
enum class ReviewStatus { Success, Failure, ReviewedSuccess, ReviewedFailure };

namespace ReviewStatuses {
QString name(ReviewStatus status);
std::optional<ReviewStatus> fromName(const QString &name);
bool isReviewed(ReviewStatus status);
bool isSuccess(ReviewStatus status);
// The status a reviewer sets: reviewed_success for a success verdict, else reviewed_failure.
ReviewStatus reviewed(bool success);
// The same verdict, marked reviewed or not (is_reviewed).
ReviewStatus withReviewed(ReviewStatus status, bool reviewed);
}
