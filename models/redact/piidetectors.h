#pragma once

#include "piidetector.h"

#include <memory>
#include <vector>

// Every detector, each once: what a Redactor runs.
namespace PiiDetectors {

const std::vector<std::unique_ptr<PiiDetector>> &all();

} // namespace PiiDetectors
