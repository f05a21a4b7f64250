#include "settings/FirstRunWizard.h"

#include "app/Language.h"
#include "settings/AppSettings.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QWizardPage>

namespace paydesk::ui {

FirstRunWizard::FirstRunWizard(AppSettings& settings, QWidget* parent)
    : QWizard(parent), m_settings(settings)
{
    setObjectName(QStringLiteral("firstRunWizard"));
    setWindowTitle(tr("Set up this counter"));

    auto* welcome = new QWizardPage(this);
    welcome->setTitle(tr("Welcome to PayDesk"));
    welcome->setSubTitle(tr("A few answers and this counter is ready. Everything can be changed "
                            "later in Settings."));
    m_language = new QComboBox(welcome);
    m_language->addItem(Language::displayName({}), QString());
    for (const QString& code : Language::available())
        m_language->addItem(Language::displayName(code), code);
    auto* f1 = new QFormLayout(welcome);
    f1->addRow(tr("Language"), m_language);
    addPage(welcome);

    auto* store = new QWizardPage(this);
    store->setTitle(tr("This counter"));
    store->setSubTitle(tr("Names printed on receipts. The core's store and terminal numbers are "
                          "in its configuration file."));
    m_store = new QLineEdit(settings.storeName(), store);
    m_terminal = new QLineEdit(settings.terminalName(), store);
    m_dataDir = new QLineEdit(settings.dataDir(), store);
    m_dataDir->setPlaceholderText(tr("default location"));
    auto* f2 = new QFormLayout(store);
    f2->addRow(tr("Store name"), m_store);
    f2->addRow(tr("Counter name"), m_terminal);
    f2->addRow(tr("Data directory"), m_dataDir);
    addPage(store);

    auto* scanner = new QWizardPage(this);
    scanner->setTitle(tr("Scanner"));
    scanner->setSubTitle(tr("A USB scanner that types like a keyboard works as it is. If it adds "
                            "characters before or after each code, enter them here."));
    const ScanBurstConfig sc = settings.scanConfig();
    m_prefix = new QLineEdit(sc.prefix, scanner);
    m_suffix = new QLineEdit(sc.suffix, scanner);
    auto* f3 = new QFormLayout(scanner);
    f3->addRow(tr("Prefix"), m_prefix);
    f3->addRow(tr("Suffix"), m_suffix);
    addPage(scanner);
}

void FirstRunWizard::accept()
{
    m_settings.setLanguage(m_language->currentData().toString());
    m_settings.setStoreName(m_store->text().trimmed());
    m_settings.setTerminalName(m_terminal->text().trimmed());
    m_settings.setDataDir(m_dataDir->text().trimmed());
    ScanBurstConfig sc = m_settings.scanConfig();
    sc.prefix = m_prefix->text();
    sc.suffix = m_suffix->text();
    m_settings.setScanConfig(sc);
    m_settings.markConfigured();
    QWizard::accept();
}

} // namespace paydesk::ui
