#include "shell/ShiftLogin.h"

#include "shell/LoginDialog.h"

#include <QEvent>
#include <QLabel>

namespace paydesk::ui {

ShiftLogin::ShiftLogin(CoreSession& core, QWidget* window)
    : QObject(window), m_core(core), m_window(window), m_badge(new QLabel(window))
{
    m_badge->setObjectName(QStringLiteral("loggedInBadge"));
    m_badge->hide();
    m_badge->installEventFilter(this);
}

bool ShiftLogin::required() const
{
    if (!m_core.users || !m_core.guard)
        return false;
    // Unreadable users: ask anyway; the core refuses everything meanwhile.
    const std::optional<bool> any = m_core.users->anyUser();
    return !any || *any;
}

bool ShiftLogin::logInAtStart()
{
    if (!required())
        return true;
    return logIn(QString());
}

void ShiftLogin::switchUser()
{
    if (!required())
        return;
    const QString previous = m_token;
    if (!logIn(
            tr("Shift change: the next person logs in. Until then %1 stays logged in.").arg(who())))
        return;
    if (!previous.isEmpty() && previous != m_token)
        m_core.users->logout(previous, [](const BackOfficeOutcome&) {});
}

void ShiftLogin::refundBySupervisor(const QString& name, const QString& password,
                                    const RefundCommand& cmd,
                                    std::function<void(const CommandOutcome&)> reply)
{
    if (!m_core.users || !m_core.guard)
        return reply(
            CommandOutcome::error(CommandStatus::Forbidden, tr("nobody logs in at this counter")));
    m_core.users->login(
        name, password, QString(), [this, cmd, reply = std::move(reply)](const LoginResult& r) {
            if (!r.outcome.ok())
                return reply(
                    CommandOutcome::error(CommandStatus::Unauthenticated, r.outcome.message));
            const QString token = r.token;
            const auto done = [this, token, reply](const CommandOutcome& o) {
                m_core.users->logout(token, [](const BackOfficeOutcome&) {});
                reply(o);
            };
            if (!r.session.roles.contains(Role::Supervisor))
                return done(CommandOutcome::error(
                    CommandStatus::Forbidden, tr("%1 is not a supervisor").arg(r.session.user)));
            m_core.guard->actAs(token, [&] { m_core.api->refund(cmd, done); });
        });
}

QString ShiftLogin::who() const
{
    if (m_session.user.isEmpty())
        return QString();
    return QStringLiteral("%1 (%2)").arg(m_session.user, roleNames(m_session.roles));
}

bool ShiftLogin::logIn(const QString& why)
{
    LoginDialog dialog(*m_core.users, why, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    m_token = dialog.token();
    m_session = dialog.session();
    m_core.guard->setSessionToken(m_token);
    retranslate();
    m_badge->show();
    emit personChanged();
    return true;
}

void ShiftLogin::retranslate()
{
    m_badge->setText(tr("Logged in: %1").arg(who()));
}

bool ShiftLogin::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_badge && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

} // namespace paydesk::ui
