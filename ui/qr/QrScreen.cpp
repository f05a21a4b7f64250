#include "qr/QrScreen.h"

#include "common/RelativeFont.h"

#include "cashier/ProgressPanel.h"
#include "cashier/SaleSession.h"
#include "qr/QrCodeWidget.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace paydesk::ui {

QrScreen::QrScreen(CoreSession& core, QWidget* parent) : QWidget(parent), m_core(core)
{
    setObjectName(QStringLiteral("qrScreen"));
    m_session = new SaleSession(*core.api, this);
    m_code = new QrCodeWidget(this);
    m_progress = new ProgressPanel(*core.clock, this);
    m_amountLabel = new QLabel(this);
    m_amount = new QLineEdit(this);
    m_amount->setObjectName(QStringLiteral("qrAmount"));
    m_walletLabel = new QLabel(this);
    m_wallet = new QComboBox(this);
    m_wallet->setObjectName(QStringLiteral("qrWallet"));
    for (Wallet w : {Wallet::WeChat, Wallet::Alipay, Wallet::UnionPay})
        m_wallet->addItem(SaleText::walletLabel(w), int(w));
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("qrNote"));
    m_show = new QPushButton(this);
    m_show->setObjectName(QStringLiteral("qrShow"));
    m_show->setMinimumHeight(56);
    m_bigAmount = new QLabel(this);
    m_bigAmount->setObjectName(QStringLiteral("qrBigAmount"));
    m_bigAmount->setAlignment(Qt::AlignCenter);
    setRelativeFont(m_bigAmount, 2.5, true);
    m_customerCode = new QLineEdit(this);
    m_customerCode->setObjectName(QStringLiteral("qrCustomerCode"));
    m_simulate = new QPushButton(this);
    m_simulate->setObjectName(QStringLiteral("qrSimulateScan"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("qrStatus"));
    m_status->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(m_amountLabel, m_amount);
    form->addRow(m_walletLabel, m_wallet);
    form->addRow(QString(), m_note);
    auto* left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(m_show);
    left->addWidget(m_progress, 1);
    auto* demo = new QHBoxLayout;
    demo->addWidget(m_customerCode, 1);
    demo->addWidget(m_simulate);
    left->addLayout(demo);
    left->addWidget(m_status);
    auto* right = new QVBoxLayout;
    right->addWidget(m_bigAmount);
    right->addWidget(m_code, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 2);
    layout->addLayout(right, 3);
    m_customerCode->setVisible(core.canSimulateCustomer());
    m_simulate->setVisible(core.canSimulateCustomer());

    connect(m_show, &QPushButton::clicked, this,
            [this] { start(m_amount->text(), m_note->text()); });
    connect(m_amount, &QLineEdit::returnPressed, this,
            [this] { start(m_amount->text(), m_note->text()); });
    connect(m_simulate, &QPushButton::clicked, this, &QrScreen::simulateCustomerScan);
    connect(m_wallet, &QComboBox::currentIndexChanged, this, [this] {
        if (m_core.customerCode)
            m_customerCode->setText(m_core.customerCode(Wallet(m_wallet->currentData().toInt())));
    });
    if (m_core.customerCode)
        m_customerCode->setText(m_core.customerCode(Wallet::WeChat));
    connect(m_session, &SaleSession::viewChanged, m_progress, &ProgressPanel::setView);
    connect(m_session, &SaleSession::viewChanged, this, [this](const SaleView& v) {
        m_show->setEnabled(!v.busy());
        m_simulate->setEnabled(v.busy() && !m_codeUrl.isEmpty());
        if (v.final || v.phase == SalePhase::Idle) {
            m_code->setText(QString()); // a code is never shown after its sale ended
            m_codeUrl.clear();
        }
        m_bigAmount->setText(v.amountFen > 0 ? Money::fromFen(v.amountFen).toDisplayString()
                                             : QString());
    });
    connect(m_session, &SaleSession::qrReady, this, [this](const QString& url) {
        m_codeUrl = url;
        m_code->setText(url);
        m_simulate->setEnabled(true);
        m_status->setText(tr("Show this code to the customer; the outcome appears here."));
    });
    connect(m_session, &SaleSession::notice, m_status, &QLabel::setText);
    connect(m_progress, &ProgressPanel::revokeRequested, m_session, &SaleSession::revoke);
    connect(m_progress, &ProgressPanel::newSaleRequested, this, [this] {
        m_session->reset();
        m_amount->clear();
        m_note->clear();
        m_status->clear();
        m_amount->setFocus();
    });
    connect(m_progress, &ProgressPanel::receiptRequested, this, &QrScreen::receiptRequested);
    retranslate();
    m_simulate->setEnabled(false);
}

void QrScreen::start(const QString& amountText, const QString& note)
{
    m_amount->setText(amountText);
    m_note->setText(note);
    QString error;
    const auto amount = Money::parse(amountText, kCny, &error);
    if (!amount) {
        m_status->setText(tr("The amount is not valid (%1). Type it like 12.50.").arg(error));
        m_amount->setFocus();
        return;
    }
    if (!m_session->presentQr(*amount, Wallet(m_wallet->currentData().toInt()), note.trimmed()))
        m_status->setText(tr("A QR sale is in progress. Wait for its outcome or revoke it."));
    else
        m_status->clear();
}

void QrScreen::simulateCustomerScan()
{
    if (!m_core.customerScan || m_codeUrl.isEmpty())
        return;
    const QString e = m_core.customerScan(m_codeUrl, m_customerCode->text().trimmed());
    m_status->setText(e.isEmpty() ? tr("The customer scanned the code (sandbox).")
                                  : tr("The sandbox refused the scan: %1").arg(e));
}

void QrScreen::retranslate()
{
    m_amountLabel->setText(tr("Amount (¥)"));
    m_walletLabel->setText(tr("Wallet"));
    for (int i = 0; i < m_wallet->count(); ++i)
        m_wallet->setItemText(i, SaleText::walletLabel(Wallet(m_wallet->itemData(i).toInt())));
    m_note->setPlaceholderText(tr("Note / items (optional)"));
    m_show->setText(tr("Show QR code"));
    m_simulate->setText(tr("Simulate customer scan"));
    m_customerCode->setToolTip(tr("The sandbox test code the simulated customer pays with"));
}

void QrScreen::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_session->retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace paydesk::ui
