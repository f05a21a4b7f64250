#pragma once

#include "app/CoreSession.h"

#include <QObject>

class QLabel;
class QWidget;

namespace paydesk::ui {

// Who works at this counter: once the shop has users, someone logs in
// before the first sale, and at shift change the next person logs in
// without closing the app (the previous session ends). The status bar
// names the person. Without users (or against a server) nothing is asked.
class ShiftLogin : public QObject
{
    Q_OBJECT
public:
    ShiftLogin(CoreSession& core, QWidget* window);

    // Whether people log in here: an embedded core with at least one user.
    bool required() const;
    // Asks until someone logs in; false when they cancel (the app quits).
    bool logInAtStart();
    // The next person logs in; on cancel the current one stays.
    void switchUser();
    // "li (cashier)"; empty when nobody is logged in.
    QString who() const;
    QLabel* badge() const { return m_badge; }
    // A supervisor approves a refund at this counter: logged in for this
    // one refund (made in their name), then logged out; the person working
    // here stays logged in.
    void refundBySupervisor(const QString& name, const QString& password, const RefundCommand& cmd,
                            std::function<void(const CommandOutcome&)> reply);

Q_SIGNALS:
    void personChanged();

private:
    bool logIn(const QString& why);
    void retranslate();
    bool eventFilter(QObject* watched, QEvent* event) override;

    CoreSession& m_core;
    QWidget* m_window;
    QLabel* m_badge;
    QString m_token;
    Session m_session;
};

} // namespace paydesk::ui
