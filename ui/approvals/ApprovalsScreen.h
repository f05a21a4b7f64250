#pragma once

#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace paydesk::ui {

struct CoreSession;
class ActorField;
class ApprovalInbox;
class RepeatableRequest;
class SettlementsModel;
class WalletPage;

// Settlement and the money that needs two people, for accounting staff:
// the day's settlement run and the runs so far; payout requests and manual
// adjustments, each proposed by one person and approved or rejected by
// another (maker-checker), with the shop's payout limits shown; member
// wallets and their withdrawals.
class ApprovalsScreen : public QWidget
{
    Q_OBJECT
public:
    explicit ApprovalsScreen(CoreSession& core, QWidget* parent = nullptr);

    SettlementsModel& settlements() const { return *m_settlementsModel; }
    ApprovalInbox& payouts() const { return *m_payouts; }
    ApprovalInbox& adjustments() const { return *m_adjustments; }
    WalletPage& wallets() const { return *m_wallets; }

    // Reads the settlement runs and both inboxes again, and offers the
    // steps the logged-in person's roles allow.
    void reload();
    // Settles the day chosen.
    void settle();
    void requestPayout();
    void proposeAdjustment();

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildSettlementPage();
    QWidget* buildPayoutPage();
    QWidget* buildAdjustmentPage();
    void retranslate();
    void applyPermissions();
    void fillAccountChoices();
    // The name a step is made in (see ActorField).
    std::optional<QString> actor(const std::function<void(const QString&)>& show = {}) const;

    CoreSession& m_core;
    ActorField* m_actor;
    QTabWidget* m_pages;
    // Settlement.
    QLabel* m_dayLabel;
    QDateEdit* m_day;
    QPushButton* m_settle;
    QLabel* m_settleStatus;
    SettlementsModel* m_settlementsModel;
    QTableView* m_settlementsView;
    // Payouts.
    QLabel* m_payoutAmountLabel;
    QLineEdit* m_payoutAmount;
    QLabel* m_payoutNoteLabel;
    QLineEdit* m_payoutNote;
    QPushButton* m_payoutRequest;
    QLabel* m_payoutLimits;
    RepeatableRequest* m_payoutRequestNo; // the same while the form is unchanged
    ApprovalInbox* m_payouts;
    // Adjustments.
    QLabel* m_adjustAccountLabel;
    QComboBox* m_adjustAccount;
    QLabel* m_adjustAmountLabel;
    QLineEdit* m_adjustAmount;
    QLabel* m_adjustCounterLabel;
    QComboBox* m_adjustCounter;
    QLabel* m_adjustReasonLabel;
    QLineEdit* m_adjustReason;
    QPushButton* m_adjustPropose;
    ApprovalInbox* m_adjustments;
    WalletPage* m_wallets;
};

} // namespace paydesk::ui
