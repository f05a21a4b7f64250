#include "cashier/CashierScreen.h"

#include "cashier/AmountKeypad.h"
#include "cashier/LastSalesPanel.h"
#include "cashier/ProgressPanel.h"
#include "cashier/SaleSession.h"
#include "cashier/SaleView.h"
#include "common/RelativeFont.h"
#include "orders/OrdersTableModel.h"
#include "scan/ScannerKeyFilter.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QShortcut>
#include <QVBoxLayout>

namespace paydesk::ui {

namespace {

QLineEdit* bigEdit(QWidget* parent, const QString& name, double scale)
{
    auto* e = new QLineEdit(parent);
    e->setObjectName(name);
    setRelativeFont(e, scale, false, 1.25);
    return e;
}

} // namespace

CashierScreen::CashierScreen(CoreSession& core, QWidget* parent) : QWidget(parent), m_core(core)
{
    setObjectName(QStringLiteral("cashierScreen"));
    m_session = new SaleSession(*core.api, this);
    // Key timing is wall-clock time, whatever clock the core runs on.
    static const SystemClock keyClock;
    m_scanner = new ScannerKeyFilter(this, keyClock, {}, this);
    m_progress = new ProgressPanel(*core.clock, this);
    m_lastSales = new LastSalesPanel(*core.api, this);

    m_amountLabel = new QLabel(this);
    m_amount = bigEdit(this, QStringLiteral("amountEdit"), 2.4);
    m_amount->setAlignment(Qt::AlignRight);
    // Shape only (digits, one point, two decimals); Money::parse decides.
    m_amount->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("\\d{0,9}(\\.\\d{0,2})?")), m_amount));
    auto* keypad = new AmountKeypad(m_amount, this);
    m_noteLabel = new QLabel(this);
    m_note = bigEdit(this, QStringLiteral("noteEdit"), 1.2);
    m_codeLabel = new QLabel(this);
    m_code = bigEdit(this, QStringLiteral("codeEdit"), 1.4);
    m_charge = new QPushButton(this);
    m_charge->setObjectName(QStringLiteral("chargeButton"));
    m_charge->setMinimumHeight(64);
    m_charge->setFocusPolicy(Qt::NoFocus);
    setRelativeFont(m_charge, 1.6, true);
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("clearButton"));
    m_clear->setMinimumHeight(64);
    m_clear->setFocusPolicy(Qt::NoFocus);
    m_qr = new QPushButton(this);
    m_qr->setObjectName(QStringLiteral("qrButton"));
    m_qr->setMinimumHeight(48);
    m_qr->setFocusPolicy(Qt::NoFocus);
    m_camera = new QPushButton(this);
    m_camera->setObjectName(QStringLiteral("cameraButton"));
    m_camera->setMinimumHeight(48);
    m_camera->setFocusPolicy(Qt::NoFocus);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("cashierStatus"));
    m_status->setWordWrap(true);

    // Labels beside their fields, not above: three lines fewer, so the
    // screen fits 768 pixels with large type and an alert shown.
    auto* fields = new QGridLayout;
    fields->addWidget(m_amountLabel, 0, 0);
    fields->addWidget(m_amount, 0, 1);
    fields->addWidget(keypad, 1, 0, 1, 2);
    fields->addWidget(m_noteLabel, 2, 0);
    fields->addWidget(m_note, 2, 1);
    fields->addWidget(m_codeLabel, 3, 0);
    fields->addWidget(m_code, 3, 1);
    fields->setColumnStretch(1, 1);
    fields->setRowStretch(1, 1);
    for (QLabel* l : {m_amountLabel, m_noteLabel, m_codeLabel})
        l->setWordWrap(true);
    auto* left = new QVBoxLayout;
    left->addLayout(fields, 1);
    auto* actions = new QGridLayout;
    actions->addWidget(m_charge, 0, 0);
    actions->addWidget(m_clear, 0, 1);
    actions->addWidget(m_qr, 1, 0);
    actions->addWidget(m_camera, 1, 1);
    actions->setColumnStretch(0, 2);
    actions->setColumnStretch(1, 1);
    left->addLayout(actions);
    left->addWidget(m_status);
    auto* right = new QVBoxLayout;
    right->addWidget(m_progress, 3);
    right->addWidget(m_lastSales, 2);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 4);
    layout->addLayout(right, 5);

    connect(m_amount, &QLineEdit::returnPressed, this, &CashierScreen::onAmountEntered);
    connect(m_note, &QLineEdit::returnPressed, this, [this] { m_code->setFocus(); });
    connect(m_code, &QLineEdit::returnPressed, this, &CashierScreen::charge);
    connect(m_charge, &QPushButton::clicked, this, &CashierScreen::charge);
    connect(m_clear, &QPushButton::clicked, this, &CashierScreen::clearSale);
    connect(keypad, &AmountKeypad::clearRequested, this, &CashierScreen::clearSale);
    connect(m_qr, &QPushButton::clicked, this, [this] {
        // The amount moves to the QR sale: left here, the next scan would
        // charge it a second time.
        const QString amount = m_amount->text();
        const QString note = m_note->text();
        m_amount->clear();
        m_note->clear();
        Q_EMIT qrRequested(amount, note);
    });
    connect(m_camera, &QPushButton::clicked, this, &CashierScreen::cameraRequested);
    auto* esc = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    esc->setContext(Qt::WidgetWithChildrenShortcut);
    connect(esc, &QShortcut::activated, this, &CashierScreen::clearSale);

    connect(m_scanner, &ScannerKeyFilter::scanned, this, &CashierScreen::acceptScannedCode);
    connect(m_session, &SaleSession::viewChanged, m_progress, &ProgressPanel::setView);
    connect(m_session, &SaleSession::viewChanged, this, [this](const SaleView& v) {
        m_charge->setEnabled(!v.busy());
        m_qr->setEnabled(!v.busy());
    });
    connect(m_session, &SaleSession::notice, this, &CashierScreen::showStatus);
    connect(m_session, &SaleSession::saleFinished, this, [this](const QString& orderNo) {
        // A finished sale takes its amount and note with it: the next scan
        // asks for an amount instead of charging the last one again.
        m_amount->clear();
        m_note->clear();
        m_lastSales->reload();
        m_lastSales->selectOrder(orderNo);
    });
    connect(m_progress, &ProgressPanel::revokeRequested, m_session, &SaleSession::revoke);
    connect(m_progress, &ProgressPanel::newSaleRequested, this, &CashierScreen::clearSale);
    connect(m_progress, &ProgressPanel::receiptRequested, this, &CashierScreen::receiptRequested);
    connect(m_lastSales, &LastSalesPanel::refundRequested, this, &CashierScreen::refundRequested);
    connect(m_lastSales, &LastSalesPanel::receiptRequested, this, &CashierScreen::receiptRequested);

    retranslate();
    setFocusProxy(m_amount);
}

CashierScreen::~CashierScreen() = default;

void CashierScreen::setScanConfig(const ScanBurstConfig& config)
{
    m_scanner->setConfig(config);
}

void CashierScreen::setHighContrast(bool on)
{
    m_progress->setHighContrast(on);
}

void CashierScreen::onAmountEntered()
{
    if (!m_code->text().trimmed().isEmpty()) {
        charge();
        return;
    }
    QString error;
    if (!Money::parse(m_amount->text(), kCny, &error)) {
        showStatus(tr("The amount is not valid (%1). Type it like 12.50.").arg(error));
        return;
    }
    m_code->setFocus();
    showStatus(tr("Now scan the customer's payment code (or type it and press Enter)."));
}

QString CashierScreen::unreachableWarning(const QString& code, QString* walletLabel) const
{
    const Wallet wallet = classifyPaymentCode(code).wallet;
    for (const WalletReachability& r : m_core.api->reachability())
        if (r.wallet == wallet && r.state == Reachability::Down) {
            if (walletLabel)
                *walletLabel = SaleText::walletLabel(wallet);
            return tr("%1 cannot be reached right now (%2). A charge ends at once with nothing "
                      "taken; ask for another way to pay, or try again.")
                .arg(SaleText::walletLabel(wallet), r.detail);
        }
    return QString();
}

void CashierScreen::acceptScannedCode(const QString& code)
{
    if (m_session->busy()) {
        showStatus(
            tr("A sale is in progress: the scanned code was not used. Wait for its outcome."));
        return;
    }
    m_code->setText(code);
    QString downWallet;
    if (const QString warning = unreachableWarning(code, &downWallet); !warning.isEmpty()) {
        m_charge->setText(tr("Charge (%1 unreachable)").arg(downWallet));
        showStatus(warning);
    }
    QString error;
    if (!Money::parse(m_amount->text(), kCny, &error)) {
        m_amount->setFocus();
        showStatus(tr("Code scanned. Enter the amount and press Enter to charge."));
        return;
    }
    charge();
}

void CashierScreen::charge()
{
    if (m_session->busy()) {
        showStatus(tr("A sale is in progress. Wait for its outcome or revoke it."));
        return;
    }
    QString error;
    const auto amount = Money::parse(m_amount->text(), kCny, &error);
    if (!amount) {
        m_amount->setFocus();
        showStatus(tr("The amount is not valid (%1). Type it like 12.50.").arg(error));
        return;
    }
    const QString code = m_code->text().trimmed();
    if (code.isEmpty()) {
        m_code->setFocus();
        showStatus(tr("Scan the customer's payment code first."));
        return;
    }
    // A large amount is confirmed by charging twice (Enter twice) with the
    // same amount and code, before the core hears of it: a slipped zero
    // must not reach the customer's phone.
    const qint64 largeFen = m_core.api->counterLimits().largeAmountFen;
    if (largeFen > 0 && amount->fen() >= largeFen &&
        (m_confirmedFen != amount->fen() || m_confirmedCode != code)) {
        m_confirmedFen = amount->fen();
        m_confirmedCode = code;
        m_charge->setText(tr("Confirm %1 (Enter)").arg(amount->toDisplayString()));
        showStatus(tr("%1 is a large amount. Check it with the customer, then press Enter "
                      "again (or Confirm) to charge it; Esc to correct it.")
                       .arg(amount->toDisplayString()));
        return;
    }
    forgetConfirmation();
    if (m_session->charge(*amount, code, m_note->text().trimmed())) {
        m_code->clear(); // a payment code is good for one charge only
        showStatus(QString());
    }
}

void CashierScreen::forgetConfirmation()
{
    m_confirmedFen = 0;
    m_confirmedCode.clear();
    m_charge->setText(tr("Charge (Enter)"));
}

void CashierScreen::clearSale()
{
    if (m_session->busy()) {
        showStatus(tr("A sale is in progress: it cannot be cleared. Wait, or revoke it."));
        return;
    }
    m_amount->clear();
    m_note->clear();
    m_code->clear();
    forgetConfirmation();
    m_session->reset();
    showStatus(QString());
    m_amount->setFocus();
}

void CashierScreen::showStatus(const QString& text)
{
    m_status->setText(text);
}

void CashierScreen::retranslate()
{
    m_amountLabel->setText(tr("Amount (¥)"));
    m_amount->setPlaceholderText(tr("0.00"));
    m_noteLabel->setText(tr("Note"));
    m_note->setPlaceholderText(tr("Items, table… (optional)"));
    m_codeLabel->setText(tr("Payment code"));
    m_code->setPlaceholderText(tr("Scan the customer's code"));
    m_charge->setText(tr("Charge (Enter)"));
    m_clear->setText(tr("Clear (Esc)"));
    m_qr->setText(tr("Show QR code"));
    m_camera->setText(tr("Camera…"));
}

void CashierScreen::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_session->retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace paydesk::ui
