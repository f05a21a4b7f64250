#pragma once

#include "api/types/BackOffice.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace paydesk::ui {

struct CoreSession;
class ApprovalInbox;
class RepeatableRequest;
class WalletOpsModel;

// Member wallets: one member's balance, totals and recent movements; a cash
// top-up and a withdrawal request at the desk (counter roles); and the
// withdrawals waiting for a second person (accounting), with the daily
// limits shown.
class WalletPage : public QWidget
{
    Q_OBJECT
public:
    using Actor = std::function<std::optional<QString>(const std::function<void(const QString&)>&)>;
    WalletPage(CoreSession& core, Actor actor, QWidget* parent = nullptr);

    WalletOpsModel& ops() const { return *m_ops; }
    ApprovalInbox& withdrawals() const { return *m_withdrawals; }
    QString summary() const;
    QString status() const;

    void showMember(const QString& memberId);
    void topUpCash();
    void requestWithdrawal();
    // Reads the member shown and the withdrawals again; offers what the
    // person's roles allow.
    void reload();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    std::optional<std::pair<QString, Money>> memberAndAmount(QLineEdit* amountField);
    void afterChange(const BackOfficeOutcome& o, RepeatableRequest* request, QLineEdit* amount);

    CoreSession& m_core;
    Actor m_actor;
    QString m_shownMember;
    QLabel* m_memberLabel;
    QLineEdit* m_member;
    QPushButton* m_show;
    QLabel* m_summary;
    WalletOpsModel* m_ops;
    QTableView* m_opsView;
    QLabel* m_topUpLabel;
    QLineEdit* m_topUpAmount;
    QPushButton* m_topUp;
    QLabel* m_withdrawLabel;
    QLineEdit* m_withdrawAmount;
    QLineEdit* m_withdrawNote;
    QPushButton* m_withdraw;
    QLabel* m_status;
    QLabel* m_limits;
    RepeatableRequest* m_topUpRequestNo;
    RepeatableRequest* m_withdrawRequestNo;
    ApprovalInbox* m_withdrawals;
};

} // namespace paydesk::ui
