#pragma once

#include "api/types/Users.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace paydesk::ui {

// Asks a person's name and password and logs them in through the core
// (UserAccess). Accepted once the core has given a session; a refusal
// (wrong password, locked, disabled) is shown and the dialog stays.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    // `why`: a line above the fields ("Shift change", "The session ended").
    LoginDialog(UserAccess& users, const QString& why, QWidget* parent = nullptr);

    QString token() const { return m_token; }
    const Session& session() const { return m_session; }

private:
    void tryLogin();

    UserAccess& m_users;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_login = nullptr;
    QString m_token;
    Session m_session;
};

} // namespace paydesk::ui
