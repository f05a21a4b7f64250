#pragma once

#include "CoreFactory.h"
#include "app/CoreSession.h"
#include "cashier/CashierScreen.h"
#include "settings/AppSettings.h"
#include "shell/MainWindow.h"
#include "testsupport/TempDir.h"

#include <QAbstractItemModel>
#include <QString>
#include <QTest>

#include <memory>
#include <optional>

namespace paydesk::test {

// The real main window over a demo core (sandbox, throw-away data) with a
// manual clock, so polls, deadlines and revokes run when the test says.
class GuiHarness
{
public:
    explicit GuiHarness(CoreConfig engine = {}, bool sampleOrders = false);
    ~GuiHarness();

    ManualClock& clock() { return m_clock; }
    ui::CoreSession& core() { return *m_core; }
    PayDeskApi& api() { return *m_core->api; }
    ui::AppSettings& settings() { return *m_settings; }
    ui::MainWindow& window() { return *m_window; }
    QString dataDir() const { return m_dir.path(); }

    // Lets queued work run (commits, channel answers, signals).
    void drain();
    // Moves the core's time forward in steps, running what falls due.
    void advance(qint64 ms, qint64 stepMs = 250);
    // A finished sale through the facade (not the widgets): for lists and searches.
    QString paidOrder(const QString& amount, const QString& code, const QString& note = {});

    // The reply to one facade call, waited for (five seconds; none is fatal).
    template <typename T, typename Call> T replyOf(Call call)
    {
        std::optional<T> out;
        call([&](const T& x) { out = x; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 5000))
            qFatal("no reply");
        drain();
        return *out;
    }
    // Every test person's password.
    static QString password() { return QStringLiteral("a-long-password"); }
    // Adds a person with `role` (and first, once, the admin "boss", which
    // turns logins on) and logs them in: their session token.
    QString addPerson(const QString& name, Role role);
    // Logs a person in again (a session ends after time unused): the token.
    QString logIn(const QString& name);
    // The window's facade acts for this session from now on, and the window
    // offers what its person's roles allow (as at a shift change).
    void actAs(const QString& token);

    // A widget of the cashier screen by object name (the QR screen has its
    // own progress panel with the same names).
    template <typename T> T* find(const QString& name) const
    {
        return static_cast<QWidget*>(m_window->cashier())->findChild<T*>(name);
    }

private:
    TempDataDir m_dir;
    TempDataDir m_settingsDir;
    ManualClock m_clock;
    QString m_adminToken;
    std::unique_ptr<ui::CoreSession> m_core;
    std::unique_ptr<ui::AppSettings> m_settings;
    std::unique_ptr<ui::MainWindow> m_window;
};

// A model's cell as shown.
inline QString cell(const QAbstractItemModel& model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace paydesk::test
