#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace paydesk {
class GuardedApi;
}

namespace paydesk::ui {

class AuditModel;

// Who changed what, when and from which counter: the audit log with
// filters (person, action), newest first, and its export as CSV. For the
// roles that may read it (supervisor, support, admin).
class AuditScreen : public QWidget
{
    Q_OBJECT
public:
    AuditScreen(GuardedApi& api, QWidget* parent = nullptr);

    AuditModel& model() const { return *m_model; }
    // Reads the log again with the filters as they are.
    void reload();
    // Writes the rows shown as CSV (RFC 4180, UTF-8); an error text, empty
    // on success.
    QString exportTo(const QString& path) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void exportAsked();

    GuardedApi& m_api;
    AuditModel* m_model;
    QLabel* m_userLabel;
    QLineEdit* m_user;
    QLabel* m_actionLabel;
    QComboBox* m_action;
    QPushButton* m_refresh;
    QPushButton* m_export;
    QLabel* m_status;
    QTableView* m_view;
};

} // namespace paydesk::ui
