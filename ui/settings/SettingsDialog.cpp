#include "settings/SettingsDialog.h"

#include "app/Language.h"
#include "settings/AppSettings.h"
#include "settings/PinGuard.h"

#include <QCameraDevice>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMediaDevices>
#include <QPrinterInfo>
#include <QSerialPortInfo>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace paydesk::ui {

namespace {

void selectData(QComboBox* box, const QVariant& value)
{
    const int i = box->findData(value);
    box->setCurrentIndex(i >= 0 ? i : 0);
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings& settings, PinGuard& pinGuard, QWidget* parent)
    : QDialog(parent), m_settings(settings), m_pinGuard(pinGuard)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto* tabs = new QTabWidget(this);

    auto* counter = new QWidget(tabs);
    m_store = new QLineEdit(settings.storeName(), counter);
    m_terminal = new QLineEdit(settings.terminalName(), counter);
    m_dataDir = new QLineEdit(settings.dataDir(), counter);
    m_dataDir->setPlaceholderText(tr("default location"));
    m_counterMode = new QCheckBox(tr("High contrast, large type"), counter);
    m_counterMode->setChecked(settings.counterMode());
    m_sounds =
        new QCheckBox(tr("A short sound when a sale is paid, fails or needs attention"), counter);
    m_sounds->setObjectName(QStringLiteral("outcomeSounds"));
    m_sounds->setChecked(settings.outcomeSounds());
    m_language = new QComboBox(counter);
    m_language->setObjectName(QStringLiteral("settingsLanguage"));
    m_language->addItem(Language::displayName({}), QString());
    for (const QString& code : Language::available())
        m_language->addItem(Language::displayName(code), code);
    selectData(m_language, settings.language());
    auto* f1 = new QFormLayout(counter);
    f1->addRow(tr("Store name"), m_store);
    f1->addRow(tr("Counter name"), m_terminal);
    f1->addRow(tr("Data directory (after restart)"), m_dataDir);
    f1->addRow(tr("Language"), m_language);
    f1->addRow(tr("Counter mode"), m_counterMode);
    f1->addRow(tr("Sounds"), m_sounds);
    tabs->addTab(counter, tr("Counter"));

    auto* scanner = new QWidget(tabs);
    const ScanBurstConfig sc = settings.scanConfig();
    m_prefix = new QLineEdit(sc.prefix, scanner);
    m_suffix = new QLineEdit(sc.suffix, scanner);
    m_maxGapMs = new QSpinBox(scanner);
    m_maxGapMs->setRange(5, 200);
    m_maxGapMs->setSuffix(QStringLiteral(" ms"));
    m_maxGapMs->setValue(int(sc.maxGapMs));
    m_minLength = new QSpinBox(scanner);
    m_minLength->setRange(4, 64);
    m_minLength->setValue(sc.minLength);
    m_serialPort = new QComboBox(scanner);
    m_serialPort->addItem(tr("none"), QString());
    for (const QSerialPortInfo& p : QSerialPortInfo::availablePorts())
        m_serialPort->addItem(p.portName() + QStringLiteral(" ") + p.description(), p.portName());
    if (!settings.serialPort().isEmpty() && m_serialPort->findData(settings.serialPort()) < 0)
        m_serialPort->addItem(settings.serialPort(), settings.serialPort());
    selectData(m_serialPort, settings.serialPort());
    m_serialBaud = new QComboBox(scanner);
    for (int baud : {9600, 19200, 38400, 57600, 115200})
        m_serialBaud->addItem(QString::number(baud), baud);
    selectData(m_serialBaud, settings.serialBaud());
    m_camera = new QComboBox(scanner);
    m_camera->addItem(tr("default camera"), QString());
    for (const QCameraDevice& c : QMediaDevices::videoInputs())
        m_camera->addItem(c.description(), QString::fromLatin1(c.id()));
    selectData(m_camera, settings.cameraId());
    auto* f2 = new QFormLayout(scanner);
    f2->addRow(tr("Prefix the scanner adds"), m_prefix);
    f2->addRow(tr("Suffix the scanner adds"), m_suffix);
    f2->addRow(tr("Longest gap between scanner keys"), m_maxGapMs);
    f2->addRow(tr("Shortest code"), m_minLength);
    f2->addRow(tr("Serial scanner port"), m_serialPort);
    f2->addRow(tr("Serial speed (baud)"), m_serialBaud);
    f2->addRow(tr("Camera"), m_camera);
    tabs->addTab(scanner, tr("Scanner"));

    auto* printer = new QWidget(tabs);
    m_printer = new QComboBox(printer);
    m_printer->addItem(tr("default printer"), QString());
    for (const QString& name : QPrinterInfo::availablePrinterNames())
        m_printer->addItem(name, name);
    selectData(m_printer, settings.printerName());
    auto* f3 = new QFormLayout(printer);
    f3->addRow(tr("Receipt printer"), m_printer);
    tabs->addTab(printer, tr("Printer"));

    auto* pin = new QWidget(tabs);
    m_currentPin = new QLineEdit(pin);
    m_currentPin->setObjectName(QStringLiteral("currentPin"));
    m_currentPin->setEchoMode(QLineEdit::Password);
    m_pin = new QLineEdit(pin);
    m_pin->setObjectName(QStringLiteral("newPin"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pinAgain = new QLineEdit(pin);
    m_pinAgain->setObjectName(QStringLiteral("newPinAgain"));
    m_pinAgain->setEchoMode(QLineEdit::Password);
    m_removePin = new QCheckBox(tr("No PIN: any cashier may refund"), pin);
    m_removePin->setObjectName(QStringLiteral("removePin"));
    m_removePin->setVisible(settings.hasSupervisorPin());
    auto* f4 = new QFormLayout(pin);
    f4->addRow(new QLabel(settings.hasSupervisorPin()
                              ? tr("Refunds need the supervisor PIN. Enter a new one to change it.")
                              : tr("Refunds need no PIN. Set one so that only a supervisor "
                                   "can refund."),
                          pin));
    if (settings.hasSupervisorPin())
        f4->addRow(tr("Current PIN (to change or remove it)"), m_currentPin);
    else
        m_currentPin->hide();
    f4->addRow(tr("New PIN"), m_pin);
    f4->addRow(tr("New PIN again"), m_pinAgain);
    f4->addRow(m_removePin);
    tabs->addTab(pin, tr("Supervisor PIN"));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QString SettingsDialog::error() const
{
    return m_error->text();
}

void SettingsDialog::accept()
{
    if (m_pin->text() != m_pinAgain->text()) {
        m_error->setText(tr("The two PINs differ. Type the new PIN twice, the same."));
        return;
    }
    if (!m_pin->text().isEmpty() && m_pin->text().size() < 4) {
        m_error->setText(tr("The PIN is too short: use at least 4 digits."));
        return;
    }
    const bool pinChange = !m_pin->text().isEmpty() || m_removePin->isChecked();
    if (pinChange && m_settings.hasSupervisorPin()) {
        switch (const PinGuard::Check c = m_pinGuard.check(m_currentPin->text()); c.verdict) {
        case PinGuard::Verdict::NoPinSet:
        case PinGuard::Verdict::Accepted:
            break;
        case PinGuard::Verdict::Wrong:
            m_error->setText(tr("The current PIN is wrong: nothing was saved (%n try(ies) left "
                                "before the PIN is locked).",
                                nullptr, c.triesLeft));
            m_currentPin->clear();
            m_currentPin->setFocus();
            return;
        case PinGuard::Verdict::LockedOut:
            m_error->setText(tr("Too many wrong PINs: the PIN is locked for %1. Nothing was "
                                "saved; the supervisor has been alerted.")
                                 .arg(PinGuard::durationText(c.lockedForMs)));
            m_currentPin->clear();
            return;
        }
    }
    m_settings.setStoreName(m_store->text().trimmed());
    m_settings.setTerminalName(m_terminal->text().trimmed());
    m_settings.setDataDir(m_dataDir->text().trimmed());
    m_settings.setCounterMode(m_counterMode->isChecked());
    m_settings.setOutcomeSounds(m_sounds->isChecked());
    m_settings.setLanguage(m_language->currentData().toString());
    ScanBurstConfig sc;
    sc.prefix = m_prefix->text();
    sc.suffix = m_suffix->text();
    sc.maxGapMs = m_maxGapMs->value();
    sc.minLength = m_minLength->value();
    m_settings.setScanConfig(sc);
    m_settings.setSerialPort(m_serialPort->currentData().toString());
    m_settings.setSerialBaud(m_serialBaud->currentData().toInt());
    m_settings.setCameraId(m_camera->currentData().toString());
    m_settings.setPrinterName(m_printer->currentData().toString());
    if (!m_pin->text().isEmpty())
        m_settings.setSupervisorPin(m_pin->text());
    else if (m_removePin->isChecked())
        m_settings.setSupervisorPin(QString());
    m_settings.markConfigured();
    QDialog::accept();
}

} // namespace paydesk::ui
