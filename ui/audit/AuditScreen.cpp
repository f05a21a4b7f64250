#include "audit/AuditScreen.h"

#include "api/GuardedApi.h"
#include "audit/AuditModel.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace paydesk::ui {

AuditScreen::AuditScreen(GuardedApi& api, QWidget* parent)
    : QWidget(parent), m_api(api), m_model(new AuditModel(this))
{
    setObjectName(QStringLiteral("auditScreen"));
    m_userLabel = new QLabel(this);
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("auditUser"));
    m_actionLabel = new QLabel(this);
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_action->setEditable(true);
    // The names the log records: the use cases, and people's own steps.
    m_action->addItem(QString());
    for (const UseCaseRule& rule : roleMatrix())
        m_action->addItem(rule.name);
    for (const char* name :
         {"login", "logout", "user add", "user disable", "user reset-password", "user roles"})
        m_action->addItem(QString::fromLatin1(name));
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(QStringLiteral("auditRefresh"));
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("auditExport"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->setWordWrap(true);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("auditView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_userLabel);
    filters->addWidget(m_user, 1);
    filters->addWidget(m_actionLabel);
    filters->addWidget(m_action, 1);
    filters->addWidget(m_refresh);
    filters->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);

    connect(m_refresh, &QPushButton::clicked, this, &AuditScreen::reload);
    connect(m_user, &QLineEdit::returnPressed, this, &AuditScreen::reload);
    connect(m_action, &QComboBox::currentTextChanged, this, &AuditScreen::reload);
    connect(m_export, &QPushButton::clicked, this, &AuditScreen::exportAsked);
    retranslate();
}

void AuditScreen::reload()
{
    // A refused read answers nothing: say why instead of an empty table.
    if (const BackOfficeOutcome o = m_api.permit(UseCase::ReadAudit); !o.ok()) {
        m_model->setEntries({});
        m_status->setText(o.message);
        return;
    }
    AuditFilter f;
    f.user = m_user->text().trimmed();
    f.action = m_action->currentText().trimmed();
    f.limit = 1000;
    m_api.audit().entries(f, [this](const QList<AuditEntry>& entries) {
        m_model->setEntries(entries);
        m_view->resizeColumnsToContents();
        m_status->setText(tr("%n row(s), newest first", nullptr, int(entries.size())));
    });
}

QString AuditScreen::exportTo(const QString& path) const
{
    const QString text = auditCsv(m_model->entries());
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0 || !out.commit())
        return out.errorString();
    return QString();
}

void AuditScreen::exportAsked()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the audit log"), QStringLiteral("audit.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString error = exportTo(path); !error.isEmpty())
        m_status->setText(tr("Not exported: %1").arg(error));
    else
        m_status->setText(
            tr("%n row(s) written to %1", nullptr, int(m_model->entries().size())).arg(path));
}

void AuditScreen::retranslate()
{
    m_userLabel->setText(tr("Person"));
    m_actionLabel->setText(tr("Action"));
    m_refresh->setText(tr("Refresh"));
    m_export->setText(tr("Export CSV…"));
}

void AuditScreen::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace paydesk::ui
