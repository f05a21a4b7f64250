#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace paydesk::ui {

struct CoreSession;
class BalancesModel;
class CheckModel;
class JournalModel;
class PostingsModel;

// The ledger for accounting and support staff: the accounts' balances at a
// chosen moment with the trial balance, the journal with filters (account,
// reference, period) opening each entry with its postings, and the
// internal check with every failing line explained. Reads only.
class LedgerScreen : public QWidget
{
    Q_OBJECT
public:
    explicit LedgerScreen(CoreSession& core, QWidget* parent = nullptr);

    BalancesModel& balances() const { return *m_balancesModel; }
    JournalModel& journal() const { return *m_journalModel; }
    PostingsModel& postings() const { return *m_postingsModel; }
    CheckModel& check() const { return *m_checkModel; }

    // Reads the balances (at the chosen moment, or now) and the journal again.
    void reload();
    // Shows the journal of one account (double-click on a balance).
    void showAccountJournal(const QString& account);
    // Runs the internal check and shows its lines.
    void runCheck();

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildBalancesPage();
    QWidget* buildJournalPage();
    QWidget* buildCheckPage();
    void retranslate();
    void reloadBalances();
    void reloadJournal();
    void showEntry(int row);
    void showJournalStatus();
    void showTrialBalance();
    // False, with the refusal shown in `status`, when the person may not read the ledger.
    bool mayRead(QLabel* status);

    CoreSession& m_core;
    QTabWidget* m_pages;
    BalancesModel* m_balancesModel;
    JournalModel* m_journalModel;
    PostingsModel* m_postingsModel;
    CheckModel* m_checkModel;
    // Balances page.
    QCheckBox* m_atNow;
    QDateTimeEdit* m_at;
    QPushButton* m_refreshBalances;
    QLabel* m_trialBalance;
    QTableView* m_balancesView;
    // Journal page.
    QLabel* m_accountLabel;
    QComboBox* m_account;
    QLabel* m_refLabel;
    QLineEdit* m_ref;
    QCheckBox* m_period;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QPushButton* m_refreshJournal;
    QLabel* m_journalStatus;
    QTableView* m_journalView;
    QLabel* m_entryTitle;
    QTableView* m_postingsView;
    // Check page.
    QPushButton* m_runCheck;
    QLabel* m_checkStatus;
    QTableView* m_checkView;
};

} // namespace paydesk::ui
