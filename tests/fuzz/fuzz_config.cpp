// The core's configuration file (JSON): whatever the file holds, loading it
// neither crashes nor leaks, a refusal names the file and says why, and a
// refused file leaves the configuration as it was.
#include "FuzzSupport.h"

#include "api/ConfigFile.h"

using namespace paydesk;
using namespace paydesk::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString path = scratchFile(bytes(data, size), QStringLiteral("paydesk.json"));
    CoreConfig config;
    config.storeId = QStringLiteral("KEEP");
    const QString error = loadCoreConfig(path, config);
    if (!error.isEmpty()) {
        require(error.contains(path), "a refusal does not name the file", error);
        require(config.storeId == QLatin1String("KEEP"),
                "a refused file changed the configuration");
        return 0;
    }
    require(config.maxAmountFen > 0 && config.maxAmountFen <= kMaxAmountFen &&
                config.largeAmountFen > 0 && config.largeAmountFen <= kMaxAmountFen,
            "an amount limit beyond the ceiling was taken");
    return 0;
}
