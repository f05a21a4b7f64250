#include "shell/LoginDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace paydesk::ui {

LoginDialog::LoginDialog(UserAccess& users, const QString& why, QWidget* parent)
    : QDialog(parent), m_users(users)
{
    setWindowTitle(tr("Log in to PayDesk"));
    // Wide enough for the core's refusal (locked until when) on two lines.
    setMinimumWidth(420);
    auto* layout = new QVBoxLayout(this);
    if (!why.isEmpty()) {
        auto* reason = new QLabel(why, this);
        reason->setObjectName(QStringLiteral("loginReason"));
        reason->setWordWrap(true);
        layout->addWidget(reason);
    }
    auto* form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("loginName"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("loginPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("User name"), m_name);
    form->addRow(tr("Password"), m_password);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_error->hide();
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_login = buttons->addButton(tr("Log in"), QDialogButtonBox::AcceptRole);
    m_login->setObjectName(QStringLiteral("loginButton"));
    m_login->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::tryLogin);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_name->setFocus();
}

void LoginDialog::tryLogin()
{
    m_login->setEnabled(false);
    // The terminal is this machine's; a remote counter does not log in here.
    m_users.login(m_name->text().trimmed(), m_password->text(), QString(),
                  [this](const LoginResult& r) {
                      m_login->setEnabled(true);
                      m_password->clear();
                      if (r.outcome.ok()) {
                          m_token = r.token;
                          m_session = r.session;
                          accept();
                          return;
                      }
                      // The core's text says which (wrong password, locked
                      // until when, disabled); the first line says what to do.
                      m_error->setText(tr("Not logged in. Check the name and password, or ask "
                                          "an admin.") +
                                       QLatin1Char('\n') + r.outcome.message);
                      m_error->show();
                      m_password->setFocus();
                  });
}

} // namespace paydesk::ui
