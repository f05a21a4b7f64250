#include "testsupport/TempDir.h"

namespace paydesk::test {

TempDataDir::TempDataDir()
{
    if (qEnvironmentVariableIsSet("PAYDESK_KEEP_TEST_DATA"))
        m_dir.setAutoRemove(false);
}

} // namespace paydesk::test
