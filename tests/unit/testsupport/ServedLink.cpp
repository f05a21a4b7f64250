#include "testsupport/ServedLink.h"

#include <QTest>

namespace paydesk::test {

ServedLink::ServedLink(CoreConfig config) : h(std::move(config))
{
    serve(0);
    std::optional<TerminalEnrolment> e;
    h.api().terminalAccess().addTerminal(QStringLiteral("0001"), QStringLiteral("0009"),
                                         [&](const TerminalEnrolment& v) { e = v; });
    while (!e)
        h.drain();
    key.storeId = QStringLiteral("0001");
    key.terminalId = QStringLiteral("0009");
    const QString error = RemoteApi::enrol(QUrl(server->baseUrl()), key, e->code, &key.secret);
    if (!error.isEmpty())
        qFatal("%s", qPrintable(error));
    RemoteOptions o;
    o.server = QUrl(server->baseUrl());
    o.key = key;
    o.nowMs = [this] { return h.clock().nowMs(); };
    o.maxBackoffMs = 500;
    remote = std::make_unique<RemoteApi>(o);
    remote->start();
}

ServedLink::~ServedLink()
{
    // The client before the server it talks to, both before the core.
    remote.reset();
    server.reset();
}

void ServedLink::serve(quint16 atPort)
{
    ApiServerOptions o;
    o.port = atPort;
    server = std::make_unique<ApiServer>(h.api(), o);
    QString error;
    port = server->listen(&error);
    if (!port)
        qFatal("%s", qPrintable(error));
}

FacadeUnderTest::FacadeUnderTest(Via via, CoreConfig config)
{
    if (via == Via::Remote)
        m_link = std::make_unique<ServedLink>(std::move(config));
    else
        m_embedded = std::make_unique<EngineHarness>(std::move(config));
}

FacadeUnderTest::~FacadeUnderTest() = default;

PayDeskApi& FacadeUnderTest::api()
{
    if (m_link)
        return *m_link->remote;
    return m_embedded->api();
}

EngineHarness& FacadeUnderTest::harness()
{
    return m_link ? m_link->h : *m_embedded;
}

void FacadeUnderTest::pump()
{
    harness().drain();
    if (m_link)
        QTest::qWait(5);
}

QString FacadeUnderTest::name(Via via)
{
    return via == Via::Remote ? QStringLiteral("remote") : QStringLiteral("embedded");
}

} // namespace paydesk::test
