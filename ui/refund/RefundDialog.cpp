#include "refund/RefundDialog.h"

#include "cashier/SaleView.h"
#include "settings/PinGuard.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

namespace paydesk::ui {

RefundDialog::RefundDialog(PayDeskApi& api, PinGuard& pinGuard, const QString& orderNo,
                           QWidget* parent)
    : QDialog(parent), m_api(api), m_pinGuard(pinGuard), m_orderNo(orderNo),
      m_requestNo(QStringLiteral("gui-refund-") + QUuid::createUuid().toString(QUuid::Id128))
{
    setObjectName(QStringLiteral("refundDialog"));
    setWindowTitle(tr("Refund"));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_amount = new QLineEdit(this);
    m_amount->setObjectName(QStringLiteral("refundAmount"));
    m_full = new QPushButton(tr("Full amount"), this);
    m_full->setObjectName(QStringLiteral("refundFull"));
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("refundReason"));
    m_reason->setEditable(true);
    m_reason->addItem(QString());
    m_reason->addItem(tr("Goods returned"));
    m_reason->addItem(tr("Wrong amount charged"));
    m_reason->addItem(tr("Customer charged twice"));
    m_reason->setCurrentIndex(0);
    m_pinLabel = new QLabel(tr("Supervisor PIN"), this);
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(QStringLiteral("refundPin"));
    m_pin->setEchoMode(QLineEdit::Password);
    const bool needPin = pinGuard.pinRequired();
    m_pinLabel->setVisible(needPin);
    m_pin->setVisible(needPin);
    m_supervisorLabel = new QLabel(tr("Supervisor approves"), this);
    m_supervisorName = new QLineEdit(this);
    m_supervisorName->setObjectName(QStringLiteral("refundSupervisorName"));
    m_supervisorName->setPlaceholderText(tr("supervisor's user name"));
    m_supervisorPassword = new QLineEdit(this);
    m_supervisorPassword->setObjectName(QStringLiteral("refundSupervisorPassword"));
    m_supervisorPassword->setPlaceholderText(tr("password"));
    m_supervisorPassword->setEchoMode(QLineEdit::Password);
    for (QWidget* w :
         {static_cast<QWidget*>(m_supervisorLabel), static_cast<QWidget*>(m_supervisorName),
          static_cast<QWidget*>(m_supervisorPassword)})
        w->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("refundStatus"));
    m_status->setWordWrap(true);
    m_refund = new QPushButton(tr("Refund"), this);
    m_refund->setObjectName(QStringLiteral("refundSubmit"));
    m_refund->setDefault(true);
    m_close = new QPushButton(tr("Close"), this);

    auto* amountRow = new QHBoxLayout;
    amountRow->addWidget(m_amount, 1);
    amountRow->addWidget(m_full);
    auto* form = new QFormLayout;
    form->addRow(tr("Amount to refund (¥)"), amountRow);
    form->addRow(tr("Reason (required)"), m_reason);
    form->addRow(m_pinLabel, m_pin);
    auto* supervisorRow = new QHBoxLayout;
    supervisorRow->addWidget(m_supervisorName, 1);
    supervisorRow->addWidget(m_supervisorPassword, 1);
    form->addRow(m_supervisorLabel, supervisorRow);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_refund);
    buttons->addWidget(m_close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_full, &QPushButton::clicked, this,
            [this] { m_amount->setText(Money::fromFen(m_refundableFen).toPlainString()); });
    connect(m_refund, &QPushButton::clicked, this, &RefundDialog::submit);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(&m_api, &PayDeskApi::orderChanged, this, [this](const QString& no, int) {
        if (no == m_orderNo)
            load();
    });
    load();
    resize(520, 320);
}

void RefundDialog::load()
{
    m_api.orderDetails(m_orderNo, [this](const std::optional<OrderDetails>& d) {
        if (!d) {
            m_summary->setText(tr("Order %1 was not found.").arg(m_orderNo));
            m_refund->setEnabled(false);
            return;
        }
        const OrderRecord& o = d->order;
        m_refundableFen = o.amount.fen() - o.refundedFen - o.refundPendingFen;
        m_summary->setText(
            tr("Order %1: %2 paid, %3 refunded, %4 can still be refunded (%5).")
                .arg(o.orderNo, o.amount.toDisplayString(),
                     Money::fromFen(o.refundedFen).toDisplayString(),
                     Money::fromFen(qMax<qint64>(0, m_refundableFen)).toDisplayString(),
                     SaleText::orderStateLabel(o.state)));
        if (m_amount->text().isEmpty() && m_refundableFen > 0 && !m_done)
            m_amount->setText(Money::fromFen(m_refundableFen).toPlainString());
    });
}

QString RefundDialog::statusText() const
{
    return m_status->text();
}

void RefundDialog::submit()
{
    if (m_sending || m_done)
        return;
    QString error;
    const auto amount = Money::parse(m_amount->text(), kCny, &error);
    if (!amount) {
        m_status->setText(tr("The amount is not valid (%1). Type it like 12.50.").arg(error));
        return;
    }
    const QString reason = m_reason->currentText().trimmed();
    if (reason.isEmpty()) {
        m_status->setText(tr("Give a reason for the refund: it is kept with the order."));
        m_reason->setFocus();
        return;
    }
    switch (const PinGuard::Check pin = m_pinGuard.check(m_pin->text()); pin.verdict) {
    case PinGuard::Verdict::NoPinSet:
    case PinGuard::Verdict::Accepted:
        break;
    case PinGuard::Verdict::Wrong:
        m_status->setText(tr("The supervisor PIN is wrong. Nothing was refunded; ask the "
                             "supervisor to enter it (%n try(ies) left before refunds are "
                             "locked).",
                             nullptr, pin.triesLeft));
        m_pin->clear();
        m_pin->setFocus();
        return;
    case PinGuard::Verdict::LockedOut:
        m_status->setText(tr("Too many wrong PINs: refunds are locked for %1. Nothing was "
                             "refunded; the supervisor has been alerted.")
                              .arg(PinGuard::durationText(pin.lockedForMs)));
        m_pin->clear();
        return;
    }
    m_sending = true;
    m_refund->setEnabled(false);
    m_status->setText(tr("Sending the refund…"));
    const RefundCommand cmd{m_requestNo, m_orderNo, *amount, reason};
    const auto answered =
        [this](const CommandOutcome& o) {
            m_sending = false;
            if (o.ok()) {
                m_done = true;
                m_status->setText(tr("Refund %1 accepted. The money goes back to the customer's "
                                     "wallet; the order's timeline shows when it arrives.")
                                      .arg(o.refundNo));
                m_close->setText(tr("Done"));
                return;
            }
            m_refund->setEnabled(true);
            m_supervisorPassword->clear();
            if (o.status == CommandStatus::Forbidden && m_supervisorRefund) {
                for (QWidget* w : {static_cast<QWidget*>(m_supervisorLabel),
                                   static_cast<QWidget*>(m_supervisorName),
                                   static_cast<QWidget*>(m_supervisorPassword)})
                    w->show();
                m_supervisorName->setFocus();
                m_status->setText(tr("Not refunded: %1. A supervisor may approve it here: their "
                                     "name and password, then Refund again.")
                                      .arg(o.message));
                return;
            }
            m_status->setText(
                tr("Not refunded: %1. Correct it and press Refund again.").arg(o.message));
        };
    if (m_supervisorRefund && m_supervisorName->isVisible() &&
        !m_supervisorName->text().trimmed().isEmpty())
        m_supervisorRefund(m_supervisorName->text().trimmed(), m_supervisorPassword->text(), cmd,
                           answered);
    else
        m_api.refund(cmd, answered);
}

} // namespace paydesk::ui
