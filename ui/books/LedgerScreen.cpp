#include "books/LedgerScreen.h"

#include "api/BackOfficeApi.h"
#include "api/types/ChinaTime.h"
#include "app/CoreSession.h"
#include "books/BalancesModel.h"
#include "books/CheckModel.h"
#include "books/JournalModel.h"
#include "books/PostingsModel.h"
#include "common/ModelTexts.h"
#include "common/ScreenWidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace paydesk::ui {

namespace {

// Amount columns stay as wide as their figures, next to the account they belong to.
void stretchFirstColumn(QTableView* view)
{
    view->horizontalHeader()->setStretchLastSection(false);
    view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

// The edit shows China wall-clock time, as every time here.
void setWallClock(QDateTimeEdit* edit, qint64 atMs)
{
    const QDateTime at = chinaTime(atMs);
    edit->setDateTime(QDateTime(at.date(), at.time()));
}

} // namespace

LedgerScreen::LedgerScreen(CoreSession& core, QWidget* parent)
    : QWidget(parent), m_core(core), m_balancesModel(new BalancesModel(this)),
      m_journalModel(new JournalModel(core.api->accounting(), this)),
      m_postingsModel(new PostingsModel(this)), m_checkModel(new CheckModel(this))
{
    setObjectName(QStringLiteral("ledgerScreen"));
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("ledgerPages"));
    m_pages->addTab(buildBalancesPage(), QString());
    m_pages->addTab(buildJournalPage(), QString());
    m_pages->addTab(buildCheckPage(), QString());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    retranslate();
}

QWidget* LedgerScreen::buildBalancesPage()
{
    auto* page = new QWidget(this);
    m_atNow = new QCheckBox(page);
    m_atNow->setObjectName(QStringLiteral("ledgerAtNow"));
    m_atNow->setChecked(true);
    m_at = new QDateTimeEdit(page);
    m_at->setObjectName(QStringLiteral("ledgerAt"));
    m_at->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_at->setCalendarPopup(true);
    m_at->setEnabled(false);
    setWallClock(m_at, m_core.clock->nowMs());
    m_refreshBalances = new QPushButton(page);
    m_trialBalance = newStatusLabel(QStringLiteral("trialBalance"), page);
    m_balancesView = newTableView(m_balancesModel, QStringLiteral("balancesView"), page);
    stretchFirstColumn(m_balancesView);

    auto* top = new QHBoxLayout;
    top->addWidget(m_atNow);
    top->addWidget(m_at);
    top->addWidget(m_refreshBalances);
    top->addStretch(1);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(top);
    layout->addWidget(m_trialBalance);
    layout->addWidget(m_balancesView, 1);

    connect(m_atNow, &QCheckBox::toggled, this, [this](bool now) {
        m_at->setEnabled(!now);
        if (!now)
            setWallClock(m_at, m_core.clock->nowMs());
        reloadBalances();
    });
    connect(m_at, &QDateTimeEdit::editingFinished, this, &LedgerScreen::reloadBalances);
    connect(m_refreshBalances, &QPushButton::clicked, this, &LedgerScreen::reload);
    connect(m_balancesView, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        showAccountJournal(index.data(Qt::UserRole).toString());
    });
    return page;
}

QWidget* LedgerScreen::buildJournalPage()
{
    auto* page = new QWidget(this);
    m_accountLabel = new QLabel(page);
    m_account = new QComboBox(page);
    m_account->setObjectName(QStringLiteral("journalAccount"));
    m_account->setEditable(true);
    m_account->setMinimumContentsLength(28);
    m_refLabel = new QLabel(page);
    m_ref = new QLineEdit(page);
    m_ref->setObjectName(QStringLiteral("journalRef"));
    m_period = new QCheckBox(page);
    m_period->setObjectName(QStringLiteral("journalPeriod"));
    const QDate today = chinaTime(m_core.clock->nowMs()).date();
    m_from = new QDateEdit(today, page);
    m_from->setObjectName(QStringLiteral("journalFrom"));
    m_to = new QDateEdit(today, page);
    m_to->setObjectName(QStringLiteral("journalTo"));
    for (QDateEdit* d : {m_from, m_to}) {
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        d->setCalendarPopup(true);
        d->setEnabled(false);
    }
    m_refreshJournal = new QPushButton(page);
    m_journalStatus = newStatusLabel(QStringLiteral("journalStatus"), page);
    m_journalView = newTableView(m_journalModel, QStringLiteral("journalView"), page);
    m_entryTitle = newStatusLabel(QStringLiteral("entryTitle"), page);
    m_postingsView = newTableView(m_postingsModel, QStringLiteral("postingsView"), page);
    stretchFirstColumn(m_postingsView);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_accountLabel);
    filters->addWidget(m_account, 2);
    filters->addWidget(m_refLabel);
    filters->addWidget(m_ref, 1);
    filters->addWidget(m_period);
    filters->addWidget(m_from);
    filters->addWidget(m_to);
    filters->addWidget(m_refreshJournal);
    auto* entryBox = new QWidget(page);
    auto* entryLayout = new QVBoxLayout(entryBox);
    entryLayout->setContentsMargins(0, 0, 0, 0);
    entryLayout->addWidget(m_entryTitle);
    entryLayout->addWidget(m_postingsView, 1);
    auto* split = new QSplitter(Qt::Vertical, page);
    split->addWidget(m_journalView);
    split->addWidget(entryBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(filters);
    layout->addWidget(m_journalStatus);
    layout->addWidget(split, 1);

    connect(m_account, &QComboBox::activated, this, &LedgerScreen::reloadJournal);
    connect(m_account->lineEdit(), &QLineEdit::returnPressed, this, &LedgerScreen::reloadJournal);
    connect(m_ref, &QLineEdit::returnPressed, this, &LedgerScreen::reloadJournal);
    connect(m_period, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        reloadJournal();
    });
    connect(m_from, &QDateEdit::editingFinished, this, &LedgerScreen::reloadJournal);
    connect(m_to, &QDateEdit::editingFinished, this, &LedgerScreen::reloadJournal);
    connect(m_refreshJournal, &QPushButton::clicked, this, &LedgerScreen::reloadJournal);
    connect(m_journalView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showEntry(current.row()); });
    connect(m_journalModel, &JournalModel::pageLoaded, this, &LedgerScreen::showJournalStatus);
    connect(m_journalModel, &QAbstractItemModel::modelReset, this, [this] { showEntry(-1); });
    return page;
}

QWidget* LedgerScreen::buildCheckPage()
{
    auto* page = new QWidget(this);
    m_runCheck = new QPushButton(page);
    m_runCheck->setObjectName(QStringLiteral("runCheck"));
    m_checkStatus = newStatusLabel(QStringLiteral("checkStatus"), page);
    m_checkView = newTableView(m_checkModel, QStringLiteral("checkView"), page);
    auto* top = new QHBoxLayout;
    top->addWidget(m_runCheck);
    top->addWidget(m_checkStatus, 1);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(top);
    layout->addWidget(m_checkView, 1);
    connect(m_runCheck, &QPushButton::clicked, this, &LedgerScreen::runCheck);
    return page;
}

bool LedgerScreen::mayRead(QLabel* status)
{
    const BackOfficeOutcome o = m_core.permit(UseCase::ReadLedger);
    if (!o.ok())
        status->setText(o.message);
    return o.ok();
}

void LedgerScreen::reload()
{
    reloadBalances();
    reloadJournal();
}

void LedgerScreen::reloadBalances()
{
    if (!mayRead(m_trialBalance)) {
        m_balancesModel->setBalances({});
        return;
    }
    const qint64 atMs =
        m_atNow->isChecked()
            ? BackOfficeApi::kNow
            : QDateTime(m_at->date(), m_at->time(), chinaZone()).toMSecsSinceEpoch();
    m_core.api->accounting().balances(
        atMs, [self = QPointer<LedgerScreen>(this)](const auto& read) {
            if (!self)
                return;
            if (!read.ok()) {
                self->m_balancesModel->setBalances({});
                self->m_trialBalance->setText(
                    tr("The balances could not be read: %1").arg(read.outcome.message));
                return;
            }
            self->m_balancesModel->setBalances(read.value);
            self->m_balancesView->resizeColumnsToContents();
            // The journal's account list follows the chart as it stands.
            const QString typed = self->m_account->currentText();
            self->m_account->clear();
            self->m_account->addItem(QString());
            for (const AccountBalance& b : read.value)
                self->m_account->addItem(b.account);
            self->m_account->setCurrentText(typed);
            self->showTrialBalance();
        });
}

void LedgerScreen::showTrialBalance()
{
    const QString when = m_atNow->isChecked()
                             ? tr("now")
                             : m_at->dateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const QString debits = plainYuan(m_balancesModel->debitTotalFen());
    const QString credits = plainYuan(m_balancesModel->creditTotalFen());
    if (m_balancesModel->balanced())
        m_trialBalance->setText(
            tr("Trial balance (%1): debits %2 = credits %3, balanced").arg(when, debits, credits));
    else
        m_trialBalance->setText(
            tr("Trial balance (%1): debits %2, credits %3: OUT OF BALANCE by %4. Run the internal "
               "check to see where.")
                .arg(when, debits, credits,
                     plainYuan(m_balancesModel->debitTotalFen() -
                               m_balancesModel->creditTotalFen())));
}

void LedgerScreen::showAccountJournal(const QString& account)
{
    m_account->setCurrentText(account);
    m_ref->clear();
    m_pages->setCurrentIndex(1);
    reloadJournal();
}

void LedgerScreen::reloadJournal()
{
    if (!mayRead(m_journalStatus)) {
        m_journalModel->clear();
        return;
    }
    JournalFilter f;
    f.accountCode = m_account->currentText().trimmed();
    f.ref = m_ref->text().trimmed();
    if (m_period->isChecked()) {
        const QDate from = std::min(m_from->date(), m_to->date());
        const QDate to = std::max(m_from->date(), m_to->date());
        f.fromMs = chinaDayStartMs(from);
        f.toMs = chinaDayStartMs(to.addDays(1)) - 1;
    }
    m_journalModel->setFilter(f);
    m_journalView->resizeColumnsToContents();
}

void LedgerScreen::showJournalStatus()
{
    const int shown = m_journalModel->rowCount();
    m_journalStatus->setText(m_journalModel->canFetchMore({})
                                 ? tr("%n entry(ies) shown; scroll down for more", nullptr, shown)
                                 : tr("%n entry(ies)", nullptr, shown));
}

void LedgerScreen::showEntry(int row)
{
    if (row < 0 || row >= m_journalModel->rowCount()) {
        m_postingsModel->setPostings({});
        m_entryTitle->setText(tr("Pick an entry to see its postings."));
        return;
    }
    const JournalEntry& e = m_journalModel->entry(row);
    m_postingsModel->setPostings(e.postings);
    m_postingsView->resizeColumnsToContents();
    QString title = tr("Entry %1, %2 %3").arg(e.id).arg(e.refKind, e.refNo);
    if (!e.orderNo.isEmpty())
        title += tr(", order %1").arg(e.orderNo);
    if (!e.memo.isEmpty())
        title = tr("%1: %2", "an entry and its memo").arg(title, e.memo);
    m_entryTitle->setText(title);
}

void LedgerScreen::runCheck()
{
    if (!mayRead(m_checkStatus)) {
        m_checkModel->setReport({});
        return;
    }
    m_pages->setCurrentIndex(2);
    m_checkStatus->setText(tr("Checking…"));
    m_core.api->accounting().check(
        [self = QPointer<LedgerScreen>(this)](const InternalCheckReport& report) {
            if (!self)
                return;
            self->m_checkModel->setReport(report);
            self->m_checkView->resizeColumnsToContents();
            const int lines = int(report.lines.size());
            const int failing = self->m_checkModel->failingLines();
            if (!report.error.isEmpty())
                self->m_checkStatus->setText(tr("The check could not run: %1").arg(report.error));
            else if (failing == 0)
                self->m_checkStatus->setText(tr("All %n line(s) hold.", nullptr, lines));
            else
                self->m_checkStatus->setText(
                    tr("%1 of %2 lines fail: each says what is wrong.").arg(failing).arg(lines));
        });
}

void LedgerScreen::retranslate()
{
    m_pages->setTabText(0, tr("Balances and trial balance"));
    m_pages->setTabText(1, tr("Journal"));
    m_pages->setTabText(2, tr("Internal check"));
    m_atNow->setText(tr("Now; or at"));
    m_refreshBalances->setText(tr("Refresh"));
    m_balancesView->setToolTip(tr("Double-click an account to see its journal."));
    m_accountLabel->setText(tr("Account"));
    m_refLabel->setText(tr("Order or reference"));
    m_period->setText(tr("Period"));
    m_refreshJournal->setText(tr("Show"));
    m_runCheck->setText(tr("Run the internal check"));
    for (QAbstractItemModel* model : std::initializer_list<QAbstractItemModel*>{
             m_balancesModel, m_journalModel, m_postingsModel, m_checkModel})
        refreshModelTexts(model);
    if (m_balancesModel->rowCount() > 0)
        showTrialBalance();
    showEntry(m_journalView->currentIndex().row());
    if (!m_journalStatus->text().isEmpty() && m_core.permit(UseCase::ReadLedger).ok())
        showJournalStatus();
}

void LedgerScreen::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace paydesk::ui
