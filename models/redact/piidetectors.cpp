#include "piidetectors.h"

#include "knownvaluedetector.h"

namespace PiiDetectors {

const std::vector<std::unique_ptr<PiiDetector>> &all()
{
    static const std::vector<std::unique_ptr<PiiDetector>> detectors = [] {
        std::vector<std::unique_ptr<PiiDetector>> list;
        list.push_back(std::make_unique<KnownValueDetector>());
        return list;
    }();
    return detectors;
}

} // namespace PiiDetectors
