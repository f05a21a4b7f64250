#include "approvals/WalletPage.h"

#include "api/BackOfficeApi.h"
#include "app/CoreSession.h"
#include "approvals/ApprovalInbox.h"
#include "approvals/WalletOpsModel.h"
#include "common/AmountField.h"
#include "common/ModelTexts.h"
#include "common/RepeatableRequest.h"
#include "common/ScreenWidgets.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace paydesk::ui {

WalletPage::WalletPage(CoreSession& core, Actor actor, QWidget* parent)
    : QWidget(parent), m_core(core), m_actor(std::move(actor)), m_ops(new WalletOpsModel(this))
{
    m_memberLabel = new QLabel(this);
    m_member = newNamedField(QStringLiteral("walletMember"), this);
    m_show = newNamedButton(QStringLiteral("walletShow"), this);
    m_summary = newStatusLabel(QStringLiteral("walletSummary"), this);
    m_opsView = newTableView(m_ops, QStringLiteral("walletOpsView"), this);
    m_topUpLabel = new QLabel(this);
    m_topUpAmount = newNamedField(QStringLiteral("walletTopUpAmount"), this);
    m_topUp = newNamedButton(QStringLiteral("walletTopUp"), this);
    m_withdrawLabel = new QLabel(this);
    m_withdrawAmount = newNamedField(QStringLiteral("walletWithdrawAmount"), this);
    m_withdrawNote = newNamedField(QStringLiteral("walletWithdrawNote"), this);
    m_withdraw = newNamedButton(QStringLiteral("walletWithdraw"), this);
    m_status = newStatusLabel(QStringLiteral("walletStatus"), this);
    m_limits = new QLabel(this);
    m_limits->setObjectName(QStringLiteral("walletLimits"));
    m_topUpRequestNo = new RepeatableRequest({m_member, m_topUpAmount}, this);
    m_withdrawRequestNo = new RepeatableRequest({m_member, m_withdrawAmount, m_withdrawNote}, this);
    m_withdrawals = new ApprovalInbox(
        core.api->accounting(), QStringLiteral("withdrawal"), [this] { return m_actor({}); }, this);

    auto* memberRow = new QHBoxLayout;
    memberRow->addWidget(m_memberLabel);
    memberRow->addWidget(m_member);
    memberRow->addWidget(m_show);
    memberRow->addWidget(m_summary, 1);
    auto* forms = new QHBoxLayout;
    forms->addWidget(m_topUpLabel);
    forms->addWidget(m_topUpAmount);
    forms->addWidget(m_topUp);
    forms->addSpacing(16);
    forms->addWidget(m_withdrawLabel);
    forms->addWidget(m_withdrawAmount);
    forms->addWidget(m_withdrawNote, 1);
    forms->addWidget(m_withdraw);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(memberRow);
    layout->addWidget(m_opsView, 2);
    layout->addLayout(forms);
    layout->addWidget(m_status);
    layout->addWidget(m_limits);
    layout->addWidget(m_withdrawals, 3);

    connect(m_show, &QPushButton::clicked, this,
            [this] { showMember(m_member->text().trimmed()); });
    connect(m_member, &QLineEdit::returnPressed, this,
            [this] { showMember(m_member->text().trimmed()); });
    connect(m_topUp, &QPushButton::clicked, this, &WalletPage::topUpCash);
    connect(m_withdraw, &QPushButton::clicked, this, &WalletPage::requestWithdrawal);
    // A decided withdrawal moves the member's money: show it.
    connect(m_withdrawals, &ApprovalInbox::decided, this, [this] { showMember(m_shownMember); });
    retranslate();
}

QString WalletPage::summary() const
{
    return m_summary->text();
}

QString WalletPage::status() const
{
    return m_status->text();
}

void WalletPage::showMember(const QString& memberId)
{
    m_shownMember = memberId;
    if (memberId.isEmpty()) {
        m_ops->setOps({});
        m_summary->clear();
        return;
    }
    m_member->setText(memberId);
    m_core.api->accounting().wallet(
        memberId, [self = QPointer<WalletPage>(this), memberId](const auto& read) {
            if (!self || self->m_shownMember != memberId)
                return;
            if (!read.ok()) {
                self->m_ops->setOps({});
                self->m_summary->setText(read.outcome.message);
                return;
            }
            const WalletView& w = read.value;
            self->m_ops->setOps(w.recent);
            self->m_opsView->resizeColumnsToContents();
            self->m_summary->setText(
                tr("%1: balance %2; topped up %3, refunds in %4, spent %5, withdrawn %6, held for "
                   "withdrawals %7")
                    .arg(w.memberId, w.balance.toPlainString(), plainYuan(w.totals.topUpsFen),
                         plainYuan(w.totals.refundsInFen), plainYuan(w.totals.spentFen),
                         plainYuan(w.totals.withdrawnFen), plainYuan(w.totals.heldFen)));
        });
}

std::optional<std::pair<QString, Money>> WalletPage::memberAndAmount(QLineEdit* amountField)
{
    const QString member = m_member->text().trimmed();
    if (member.isEmpty()) {
        m_status->setText(tr("Type the member's number first."));
        m_member->setFocus();
        return std::nullopt;
    }
    const std::optional<Money> amount = AmountField::read(
        amountField, AmountField::Rule::Positive, tr("The amount must be above zero."),
        [this](const QString& why) { m_status->setText(why); });
    if (!amount)
        return std::nullopt;
    return std::make_pair(member, *amount);
}

void WalletPage::afterChange(const BackOfficeOutcome& o, RepeatableRequest* request,
                             QLineEdit* amount)
{
    m_status->setText(o.message.isEmpty() ? backOfficeStatusName(o.status) : o.message);
    if (!o.ok())
        return;
    request->done();
    amount->clear();
    reload();
}

void WalletPage::topUpCash()
{
    const auto what = memberAndAmount(m_topUpAmount);
    if (!what)
        return;
    const std::optional<QString> by = m_actor([this](const QString& t) { m_status->setText(t); });
    if (!by)
        return;
    m_shownMember = what->first;
    m_core.api->accounting().topUpCash(
        what->first, what->second, m_topUpRequestNo->number(), *by,
        [self = QPointer<WalletPage>(this)](const BackOfficeOutcome& o) {
            if (self)
                self->afterChange(o, self->m_topUpRequestNo, self->m_topUpAmount);
        });
}

void WalletPage::requestWithdrawal()
{
    const auto what = memberAndAmount(m_withdrawAmount);
    if (!what)
        return;
    const std::optional<QString> by = m_actor([this](const QString& t) { m_status->setText(t); });
    if (!by)
        return;
    m_shownMember = what->first;
    m_core.api->accounting().requestWithdrawal(
        what->first, what->second, m_withdrawRequestNo->number(), *by,
        m_withdrawNote->text().trimmed(),
        [self = QPointer<WalletPage>(this)](const BackOfficeOutcome& o) {
            if (!self)
                return;
            if (o.ok())
                self->m_withdrawNote->clear();
            self->afterChange(o, self->m_withdrawRequestNo, self->m_withdrawAmount);
        });
}

void WalletPage::reload()
{
    const bool counter = m_core.permit(UseCase::WalletCounter).ok();
    for (QWidget* w : {static_cast<QWidget*>(m_topUpAmount), static_cast<QWidget*>(m_topUp)})
        w->setEnabled(counter);
    const bool withdraw = m_core.permit(UseCase::RequestWithdrawal).ok();
    for (QWidget* w : {static_cast<QWidget*>(m_withdrawAmount),
                       static_cast<QWidget*>(m_withdrawNote), static_cast<QWidget*>(m_withdraw)})
        w->setEnabled(withdraw);
    m_withdrawals->setDecisionsAllowed(m_core.permit(UseCase::DecideWithdrawal).ok());
    const CounterLimits limits = m_core.api->counterLimits();
    m_limits->setText(tr("Withdrawals: at most %n a day per member and %1 a day in all; a second "
                         "person approves each.",
                         nullptr, limits.walletWithdrawalsPerDay)
                          .arg(plainYuan(limits.walletWithdrawalFenPerDay)));
    if (const BackOfficeOutcome o = m_core.permit(UseCase::ReadWallets); !o.ok())
        m_summary->setText(o.message);
    else
        showMember(m_shownMember);
    m_withdrawals->reload();
}

void WalletPage::retranslate()
{
    m_memberLabel->setText(tr("Member"));
    m_show->setText(tr("Show"));
    m_topUpLabel->setText(tr("Cash top-up"));
    m_topUp->setText(tr("Top up"));
    m_withdrawLabel->setText(tr("Withdrawal"));
    m_withdrawNote->setPlaceholderText(tr("note"));
    m_withdraw->setText(tr("Request withdrawal"));
    refreshModelTexts(m_ops);
}

void WalletPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (!m_limits->text().isEmpty())
            reload();
    }
    QWidget::changeEvent(event);
}

} // namespace paydesk::ui
