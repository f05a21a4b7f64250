#pragma once

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace paydesk {
class BackOfficeApi;
}

namespace paydesk::ui {

class ApprovalsModel;

// One kind of maker-checker request (payouts or adjustments) as an inbox:
// the requests, newest first, and the second person's approve or reject
// with a note (a rejection says why). The core refuses a person deciding
// their own request; the refusal is shown here as the core words it.
class ApprovalInbox : public QWidget
{
    Q_OBJECT
public:
    // `kind`: "payout" or "adjustment"; `actor`: the name a decision is
    // made in ('' once people log in: the core takes the session's), or
    // nullopt when nobody is named yet.
    ApprovalInbox(BackOfficeApi& books, const QString& kind,
                  std::function<std::optional<QString>()> actor, QWidget* parent = nullptr);

    ApprovalsModel& model() const { return *m_model; }
    void reload();
    // Selects request `number` (false when it is not listed).
    bool select(const QString& number);
    // Approves or rejects the selected request with the note typed.
    void decide(bool approve);
    void setDecisionsAllowed(bool allowed);
    void showStatus(const QString& text);
    QString status() const;

protected:
    void changeEvent(QEvent* event) override;

Q_SIGNALS:
    // A decision went through (the books changed).
    void decided();

private:
    void retranslate();

    BackOfficeApi& m_books;
    const QString m_kind;
    std::function<std::optional<QString>()> m_actor;
    ApprovalsModel* m_model;
    QTableView* m_view;
    QLabel* m_noteLabel;
    QLineEdit* m_note;
    QPushButton* m_approve;
    QPushButton* m_reject;
    QLabel* m_status;
};

} // namespace paydesk::ui
