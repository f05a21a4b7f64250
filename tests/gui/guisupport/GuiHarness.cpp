#include "guisupport/GuiHarness.h"

#include "shell/ShiftLogin.h"

#include <QCoreApplication>
#include <QTest>

namespace paydesk::test {

GuiHarness::GuiHarness(CoreConfig engine, bool sampleOrders)
{
    app::CoreOptions o;
    o.demo = true;
    o.dataDir = m_dir.path();
    o.durable = false;
    o.sampleOrders = sampleOrders;
    o.clock = &m_clock;
    o.config = engine;
    QString error;
    m_core = app::createCore(o, &error);
    if (!m_core)
        qFatal("core did not open: %s", qPrintable(error));
    m_settings =
        std::make_unique<ui::AppSettings>(m_settingsDir.file(QStringLiteral("paydesk.ini")));
    m_window = std::make_unique<ui::MainWindow>(*m_core, *m_settings);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        qWarning("window not exposed");
    m_window->activateWindow();
    drain();
}

GuiHarness::~GuiHarness()
{
    m_window.reset();
    m_core.reset();
}

void GuiHarness::drain()
{
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
}

void GuiHarness::advance(qint64 ms, qint64 stepMs)
{
    drain();
    for (qint64 done = 0; done < ms; done += stepMs) {
        m_clock.advance(qMin(stepMs, ms - done));
        drain();
    }
}

QString GuiHarness::paidOrder(const QString& amount, const QString& code, const QString& note)
{
    QString orderNo;
    bool done = false;
    static int counter = 0;
    PayCommand cmd{QStringLiteral("test-sale-") + QString::number(++counter),
                   *Money::parse(amount),
                   code,
                   note,
                   {}};
    m_core->api->pay(cmd, [&](const CommandOutcome& o) {
        orderNo = o.orderNo;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 5000))
        qWarning("pay did not answer");
    drain();
    return orderNo;
}

QString GuiHarness::addPerson(const QString& name, Role role)
{
    UserAccess& users = *m_core->users;
    const auto add = [&](const QString& token, const QString& who, Role r) {
        const auto o = replyOf<BackOfficeOutcome>(
            [&](auto reply) { users.addUser(token, who, password(), {r}, reply); });
        if (!o.ok())
            qFatal("cannot add %s: %s", qPrintable(who), qPrintable(o.message));
    };
    if (m_adminToken.isEmpty()) {
        add(QString(), QStringLiteral("boss"), Role::Admin);
        m_adminToken = logIn(QStringLiteral("boss"));
    }
    if (name == QLatin1String("boss"))
        return m_adminToken;
    add(m_adminToken, name, role);
    return logIn(name);
}

void GuiHarness::actAs(const QString& token)
{
    m_core->guard->setSessionToken(token);
    Q_EMIT m_window->shiftLogin().personChanged();
}

QString GuiHarness::logIn(const QString& name)
{
    const auto r = replyOf<LoginResult>(
        [&](auto reply) { m_core->users->login(name, password(), QString(), reply); });
    if (r.token.isEmpty())
        qFatal("%s cannot log in", qPrintable(name));
    return r.token;
}

} // namespace paydesk::test
