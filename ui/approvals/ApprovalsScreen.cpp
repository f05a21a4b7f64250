#include "approvals/ApprovalsScreen.h"

#include "api/BackOfficeApi.h"
#include "api/types/Accounts.h"
#include "api/types/ChinaTime.h"
#include "app/CoreSession.h"
#include "approvals/ApprovalInbox.h"
#include "approvals/SettlementsModel.h"
#include "approvals/WalletPage.h"
#include "common/ActorField.h"
#include "common/AmountField.h"
#include "common/ModelTexts.h"
#include "common/RepeatableRequest.h"
#include "common/ScreenWidgets.h"

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace paydesk::ui {

ApprovalsScreen::ApprovalsScreen(CoreSession& core, QWidget* parent)
    : QWidget(parent), m_core(core), m_settlementsModel(new SettlementsModel(this))
{
    setObjectName(QStringLiteral("approvalsScreen"));
    m_actor = new ActorField(core, this);
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("approvalPages"));
    m_pages->addTab(buildSettlementPage(), QString());
    m_pages->addTab(buildPayoutPage(), QString());
    m_pages->addTab(buildAdjustmentPage(), QString());
    m_wallets = new WalletPage(
        core, [this](const auto& show) { return m_actor->actor(show); }, this);
    m_pages->addTab(m_wallets, QString());
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int page) {
        if (page == 2)
            fillAccountChoices();
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_actor);
    layout->addWidget(m_pages, 1);
    retranslate();
}

QWidget* ApprovalsScreen::buildSettlementPage()
{
    auto* page = new QWidget(this);
    m_dayLabel = new QLabel(page);
    m_day = new QDateEdit(chinaTime(m_core.clock->nowMs()).date().addDays(-1), page);
    m_day->setObjectName(QStringLiteral("settleDay"));
    m_day->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_day->setCalendarPopup(true);
    m_settle = new QPushButton(page);
    m_settle->setObjectName(QStringLiteral("settleButton"));
    m_settleStatus = newStatusLabel(QStringLiteral("settleStatus"), page);
    m_settlementsView = newTableView(m_settlementsModel, QStringLiteral("settlementsView"), page);

    auto* top = new QHBoxLayout;
    top->addWidget(m_dayLabel);
    top->addWidget(m_day);
    top->addWidget(m_settle);
    top->addStretch(1);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(top);
    layout->addWidget(m_settleStatus);
    layout->addWidget(m_settlementsView, 1);
    connect(m_settle, &QPushButton::clicked, this, &ApprovalsScreen::settle);
    return page;
}

QWidget* ApprovalsScreen::buildPayoutPage()
{
    auto* page = new QWidget(this);
    m_payoutAmountLabel = new QLabel(page);
    m_payoutAmount = new QLineEdit(page);
    m_payoutAmount->setObjectName(QStringLiteral("payoutAmount"));
    m_payoutNoteLabel = new QLabel(page);
    m_payoutNote = new QLineEdit(page);
    m_payoutNote->setObjectName(QStringLiteral("payoutNote"));
    m_payoutRequest = new QPushButton(page);
    m_payoutRequest->setObjectName(QStringLiteral("payoutRequest"));
    m_payoutLimits = newStatusLabel(QStringLiteral("payoutLimits"), page);
    m_payouts = new ApprovalInbox(
        m_core.api->accounting(), QStringLiteral("payout"), [this] { return actor(); }, page);

    auto* form = new QHBoxLayout;
    form->addWidget(m_payoutAmountLabel);
    form->addWidget(m_payoutAmount);
    form->addWidget(m_payoutNoteLabel);
    form->addWidget(m_payoutNote, 1);
    form->addWidget(m_payoutRequest);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_payoutLimits);
    layout->addWidget(m_payouts, 1);
    connect(m_payoutRequest, &QPushButton::clicked, this, &ApprovalsScreen::requestPayout);
    m_payoutRequestNo = new RepeatableRequest({m_payoutAmount, m_payoutNote}, this);
    return page;
}

QWidget* ApprovalsScreen::buildAdjustmentPage()
{
    auto* page = new QWidget(this);
    m_adjustAccountLabel = new QLabel(page);
    m_adjustAccount = new QComboBox(page);
    m_adjustAccount->setObjectName(QStringLiteral("adjustAccount"));
    m_adjustAccount->setEditable(true);
    m_adjustAccount->setMinimumContentsLength(28);
    m_adjustAmountLabel = new QLabel(page);
    m_adjustAmount = new QLineEdit(page);
    m_adjustAmount->setObjectName(QStringLiteral("adjustAmount"));
    m_adjustCounterLabel = new QLabel(page);
    m_adjustCounter = new QComboBox(page);
    m_adjustCounter->setObjectName(QStringLiteral("adjustCounter"));
    m_adjustCounter->setEditable(true);
    m_adjustCounter->setMinimumContentsLength(28);
    m_adjustCounter->addItem(accounts::adjustments());
    m_adjustCounter->addItem(accounts::suspense());
    m_adjustReasonLabel = new QLabel(page);
    m_adjustReason = new QLineEdit(page);
    m_adjustReason->setObjectName(QStringLiteral("adjustReason"));
    m_adjustPropose = new QPushButton(page);
    m_adjustPropose->setObjectName(QStringLiteral("adjustPropose"));
    m_adjustments = new ApprovalInbox(
        m_core.api->accounting(), QStringLiteral("adjustment"), [this] { return actor(); }, page);

    auto* form = new QFormLayout;
    form->addRow(m_adjustAccountLabel, m_adjustAccount);
    form->addRow(m_adjustAmountLabel, m_adjustAmount);
    form->addRow(m_adjustCounterLabel, m_adjustCounter);
    form->addRow(m_adjustReasonLabel, m_adjustReason);
    auto* buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_adjustPropose);
    form->addRow(buttonRow);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_adjustments, 1);
    connect(m_adjustPropose, &QPushButton::clicked, this, &ApprovalsScreen::proposeAdjustment);
    return page;
}

std::optional<QString> ApprovalsScreen::actor(const std::function<void(const QString&)>& show) const
{
    return m_actor->actor(show);
}

void ApprovalsScreen::applyPermissions()
{
    m_actor->refresh();
    m_settle->setEnabled(m_core.permit(UseCase::Settle).ok());
    const bool propose = m_core.permit(UseCase::ProposePayment).ok();
    for (QWidget* w : std::initializer_list<QWidget*>{
             m_payoutAmount, m_payoutNote, m_payoutRequest, m_adjustAccount, m_adjustAmount,
             m_adjustCounter, m_adjustReason, m_adjustPropose})
        w->setEnabled(propose);
    const bool decide = m_core.permit(UseCase::DecideApproval).ok();
    m_payouts->setDecisionsAllowed(decide);
    m_adjustments->setDecisionsAllowed(decide);
}

void ApprovalsScreen::reload()
{
    applyPermissions();
    const CounterLimits limits = m_core.api->counterLimits();
    m_payoutLimits->setText(
        tr("Limits: %n payout(s) a day, at most %1 a day in all; a second person approves each.",
           nullptr, limits.payoutsPerDay)
            .arg(plainYuan(limits.payoutFenPerDay)));
    if (const BackOfficeOutcome o = m_core.permit(UseCase::ReadSettlements); !o.ok()) {
        m_settlementsModel->setRows({});
        m_settleStatus->setText(o.message);
    } else {
        m_core.api->accounting().settlements(
            QString(), [self = QPointer<ApprovalsScreen>(this)](const QList<SettlementRow>& rows) {
                if (!self)
                    return;
                self->m_settlementsModel->setRows(rows);
                self->m_settlementsView->resizeColumnsToContents();
            });
    }
    if (const BackOfficeOutcome o = m_core.permit(UseCase::ReadApprovals); !o.ok()) {
        m_payouts->showStatus(o.message);
        m_adjustments->showStatus(o.message);
    }
    // A refused read lists nothing.
    m_payouts->reload();
    m_adjustments->reload();
    m_wallets->reload();
    if (m_pages->currentIndex() == 2)
        fillAccountChoices();
}

void ApprovalsScreen::fillAccountChoices()
{
    // The accounts an adjustment may name, the chart as it stands: read
    // only while the adjustments page is shown (it sums every balance).
    m_core.api->accounting().balances(
        BackOfficeApi::kNow, [self = QPointer<ApprovalsScreen>(this)](const auto& read) {
            if (!self || !read.ok())
                return;
            const QString typed = self->m_adjustAccount->currentText();
            self->m_adjustAccount->clear();
            for (const AccountBalance& b : read.value)
                self->m_adjustAccount->addItem(b.account);
            self->m_adjustAccount->setCurrentText(typed);
        });
}

void ApprovalsScreen::settle()
{
    const QDate day = m_day->date();
    const std::optional<QString> by =
        actor([this](const QString& text) { m_settleStatus->setText(text); });
    if (!by)
        return;
    m_settleStatus->setText(tr("Settling %1…").arg(day.toString(Qt::ISODate)));
    m_core.api->accounting().settle(
        day, *by, QString(),
        [self = QPointer<ApprovalsScreen>(this), day](const SettlementReport& r) {
            if (!self)
                return;
            if (!r.outcome.ok()) {
                self->m_settleStatus->setText(r.outcome.message);
                return;
            }
            const SettlementTotals& t = r.row.totals;
            self->m_settleStatus->setText(
                tr("%1 settled: payments %2, refunds and reversals %3, fees %4; %5 became "
                   "available for payouts.")
                    .arg(day.toString(Qt::ISODate), plainYuan(t.grossFen), plainYuan(t.returnedFen),
                         plainYuan(t.feeFen), plainYuan(t.netFen() - t.feeFen)));
            self->reload();
        });
}

void ApprovalsScreen::requestPayout()
{
    const std::optional<Money> amount = AmountField::read(
        m_payoutAmount, AmountField::Rule::Positive, tr("A payout needs an amount above zero."),
        [this](const QString& why) { m_payouts->showStatus(why); });
    if (!amount)
        return;
    const std::optional<QString> by =
        actor([this](const QString& text) { m_payouts->showStatus(text); });
    if (!by)
        return;
    m_core.api->accounting().requestPayout(
        *amount, *by, m_payoutNote->text().trimmed(), m_payoutRequestNo->number(),
        [self = QPointer<ApprovalsScreen>(this)](const BackOfficeOutcome& o) {
            if (!self)
                return;
            if (o.ok()) {
                self->m_payoutAmount->clear();
                self->m_payoutNote->clear();
                self->m_payoutRequestNo->done();
                self->m_payouts->showStatus(
                    tr("%1 requested: another person approves or rejects it below.").arg(o.number));
                self->reload();
                self->m_payouts->select(o.number);
            } else {
                self->m_payouts->showStatus(o.message);
            }
        });
}

void ApprovalsScreen::proposeAdjustment()
{
    const std::optional<Money> amount = AmountField::read(
        m_adjustAmount, AmountField::Rule::NonZero,
        tr("An adjustment needs an amount (positive debits the account, negative credits it)."),
        [this](const QString& why) { m_adjustments->showStatus(why); });
    if (!amount)
        return;
    const std::optional<QString> by =
        actor([this](const QString& text) { m_adjustments->showStatus(text); });
    if (!by)
        return;
    m_core.api->accounting().proposeAdjustment(
        m_adjustAccount->currentText().trimmed(), *amount, m_adjustCounter->currentText().trimmed(),
        m_adjustReason->text().trimmed(), *by,
        [self = QPointer<ApprovalsScreen>(this)](const BackOfficeOutcome& o) {
            if (!self)
                return;
            if (o.ok()) {
                self->m_adjustAmount->clear();
                self->m_adjustReason->clear();
                self->m_adjustments->showStatus(
                    tr("%1 proposed: another person approves or rejects it below.").arg(o.number));
                self->reload();
                self->m_adjustments->select(o.number);
            } else {
                self->m_adjustments->showStatus(o.message);
            }
        });
}

void ApprovalsScreen::retranslate()
{
    m_pages->setTabText(0, tr("Settlement"));
    m_pages->setTabText(1, tr("Payouts"));
    m_pages->setTabText(2, tr("Adjustments"));
    m_pages->setTabText(3, tr("Member wallets"));
    m_dayLabel->setText(tr("Business day"));
    m_settle->setText(tr("Settle the day"));
    m_payoutAmountLabel->setText(tr("Amount"));
    m_payoutNoteLabel->setText(tr("Note"));
    m_payoutRequest->setText(tr("Request payout"));
    m_adjustAccountLabel->setText(tr("Account"));
    m_adjustAmountLabel->setText(tr("Amount (debit +, credit −)"));
    m_adjustCounterLabel->setText(tr("Other account"));
    m_adjustReasonLabel->setText(tr("Reason"));
    m_adjustPropose->setText(tr("Propose adjustment"));
    refreshModelTexts(m_settlementsModel);
}

void ApprovalsScreen::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (!m_payoutLimits->text().isEmpty())
            reload();
    }
    QWidget::changeEvent(event);
}

} // namespace paydesk::ui
