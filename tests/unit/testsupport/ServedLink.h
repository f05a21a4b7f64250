#pragma once

#include "ApiServer.h"
#include "RemoteApi.h"
#include "api/TerminalKeyFile.h"
#include "testsupport/EngineHarness.h"

#include <memory>

namespace paydesk::test {

// A core serving on a loopback port (ApiServer over EngineHarness's
// embedded core) and a counter enrolled with it (RemoteApi), the requests
// signed with the core's manual clock.
struct ServedLink
{
    explicit ServedLink(CoreConfig config = {});
    ~ServedLink();

    // (Re)starts the server at `atPort` (0: any free port).
    void serve(quint16 atPort);
    bool up() const { return remote->linkUp(); }

    EngineHarness h;
    std::unique_ptr<ApiServer> server;
    std::unique_ptr<RemoteApi> remote;
    quint16 port = 0;
    TerminalKey key;
};

// The facade a contract test runs against: the embedded core itself, or
// the same core through RemoteApi → ApiServer → EmbeddedApi on loopback.
// The assertions are the same either way.
class FacadeUnderTest
{
public:
    enum class Via
    {
        Embedded,
        Remote
    };

    explicit FacadeUnderTest(Via via, CoreConfig config = {});
    ~FacadeUnderTest();

    PayDeskApi& api();
    // The core behind the facade (its clock, sandbox, direct reads).
    EngineHarness& harness();
    // Lets queued work and the link's traffic run a little.
    void pump();
    static QString name(Via via);

private:
    std::unique_ptr<EngineHarness> m_embedded;
    std::unique_ptr<ServedLink> m_link;
};

// The reply of one facade call, whichever facade: within 10 s, else the
// test stops (a reply runs exactly once; none is a bug).
template <typename T, typename Send> T replyOf(FacadeUnderTest& f, Send send)
{
    std::optional<T> got;
    send([&](const T& v) { got = v; });
    for (int i = 0; i < 2'000 && !got; ++i)
        f.pump();
    if (!got)
        qFatal("the facade never replied");
    return *got;
}

} // namespace paydesk::test
