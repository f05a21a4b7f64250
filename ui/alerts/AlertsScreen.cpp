#include "alerts/AlertsScreen.h"

#include "alerts/AlertsFilterProxy.h"
#include "alerts/AlertsTableModel.h"
#include "api/types/ChinaTime.h"
#include "app/CoreSession.h"
#include "common/ActorField.h"
#include "common/ModelTexts.h"
#include "orders/AlertTexts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

namespace paydesk::ui {

AlertsScreen::AlertsScreen(CoreSession& core, QWidget* parent)
    : QWidget(parent), m_core(core), m_model(new AlertsTableModel(*core.api, this)),
      m_proxy(new AlertsFilterProxy(this))
{
    setObjectName(QStringLiteral("alertsScreen"));
    m_proxy->setSourceModel(m_model);
    m_actor = new ActorField(core, this);
    m_openOnly = new QCheckBox(this);
    m_openOnly->setObjectName(QStringLiteral("alertsOpenOnly"));
    m_openOnly->setChecked(true);
    m_severityLabel = new QLabel(this);
    m_severity = new QComboBox(this);
    m_severity->setObjectName(QStringLiteral("alertsSeverity"));
    m_severity->addItems(
        {QString(), QString(), QString()}); // any, page, watch: texts in retranslate
    m_kindLabel = new QLabel(this);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("alertsKind"));
    m_refresh = new QPushButton(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("alertsView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AlertsTableModel::Time, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("alertsDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_acknowledge = new QPushButton(this);
    m_acknowledge->setObjectName(QStringLiteral("alertsAcknowledge"));
    m_openOrder = new QPushButton(this);
    m_openOrder->setObjectName(QStringLiteral("alertsOpenOrder"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("alertsStatus"));
    m_status->setWordWrap(true);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_openOnly);
    filters->addWidget(m_severityLabel);
    filters->addWidget(m_severity);
    filters->addWidget(m_kindLabel);
    filters->addWidget(m_kind, 1);
    filters->addWidget(m_refresh);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_acknowledge);
    actions->addWidget(m_openOrder);
    actions->addWidget(m_status, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_actor);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_detail);
    layout->addLayout(actions);

    connect(m_openOnly, &QCheckBox::toggled, this, &AlertsScreen::reload);
    connect(m_refresh, &QPushButton::clicked, this, &AlertsScreen::reload);
    connect(m_severity, &QComboBox::currentIndexChanged, this, [this](int index) {
        // Row 1 is page, row 2 watch (AlertLevel's values, reversed).
        m_proxy->setLevel(index == 1   ? int(AlertLevel::Page)
                          : index == 2 ? int(AlertLevel::Watch)
                                       : 0);
    });
    connect(m_kind, &QComboBox::currentTextChanged, m_proxy, &AlertsFilterProxy::setKind);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AlertsScreen::showSelected);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AlertsScreen::showSelected);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AlertsScreen::refillKinds);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AlertsScreen::refillKinds);
    connect(m_acknowledge, &QPushButton::clicked, this, &AlertsScreen::acknowledgeSelected);
    connect(m_openOrder, &QPushButton::clicked, this, [this] {
        const QModelIndex i = m_view->currentIndex();
        if (const AlertRecord* a = m_model->alertAt(m_proxy->mapToSource(i).row());
            a && !a->orderNo.isEmpty())
            Q_EMIT openOrderRequested(a->orderNo);
    });
    retranslate();
}

void AlertsScreen::reload()
{
    m_actor->refresh();
    if (const BackOfficeOutcome o = m_core.permit(UseCase::ReadAlerts); !o.ok()) {
        m_status->setText(o.message);
    }
    // A refused read lists nothing.
    m_model->reload(m_openOnly->isChecked());
}

void AlertsScreen::refillKinds()
{
    QSet<QString> kinds;
    for (int row = 0; row < m_model->rowCount(); ++row)
        kinds.insert(m_model->alertAt(row)->kind);
    QStringList sorted(kinds.begin(), kinds.end());
    sorted.sort();
    const QString chosen = m_kind->currentText();
    const QSignalBlocker quiet(m_kind);
    m_kind->clear();
    m_kind->addItem(QString());
    m_kind->addItems(sorted);
    m_kind->setCurrentText(chosen);
}

qint64 AlertsScreen::selectedId() const
{
    const QModelIndex i = m_view->currentIndex();
    const AlertRecord* a = i.isValid() ? m_model->alertAt(m_proxy->mapToSource(i).row()) : nullptr;
    return a ? a->id : 0;
}

bool AlertsScreen::select(qint64 alertId)
{
    const int row = m_model->rowOf(alertId);
    if (row < 0)
        return false;
    const QModelIndex shown = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!shown.isValid())
        return false;
    m_view->setCurrentIndex(shown);
    return true;
}

void AlertsScreen::showSelected()
{
    const QModelIndex i = m_view->currentIndex();
    const AlertRecord* a = i.isValid() ? m_model->alertAt(m_proxy->mapToSource(i).row()) : nullptr;
    const bool mayAcknowledge = m_core.permit(UseCase::AcknowledgeAlert).ok();
    m_acknowledge->setEnabled(a && a->acknowledgedAtMs == 0 && mayAcknowledge);
    m_openOrder->setEnabled(a && !a->orderNo.isEmpty());
    if (!a) {
        m_detail->setText(m_proxy->rowCount() ? tr("Pick an alert to see what it says.")
                                              : tr("No alert to show."));
        return;
    }
    QString history =
        tr("Raised %1.").arg(chinaTime(a->atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    if (a->acknowledgedAtMs)
        history +=
            QLatin1Char(' ') +
            tr("Acknowledged by %1 at %2.")
                .arg(
                    a->acknowledgedBy,
                    chinaTime(a->acknowledgedAtMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    m_detail->setText(QStringLiteral("%1\n%2\n%3").arg(alertSummary(a->kind), a->message, history));
}

void AlertsScreen::acknowledgeSelected()
{
    const qint64 id = selectedId();
    if (!id) {
        m_status->setText(tr("Pick an alert in the list first."));
        return;
    }
    const std::optional<QString> by =
        m_actor->actor([this](const QString& t) { m_status->setText(t); });
    if (!by)
        return;
    m_core.api->acknowledgeAlert(
        id, *by, [self = QPointer<AlertsScreen>(this), id](const CommandOutcome& o) {
            if (!self)
                return;
            if (!o.ok()) {
                self->m_status->setText(o.message);
                return;
            }
            self->m_status->setText(tr("Alert %1 acknowledged.").arg(id));
            self->reload();
            self->select(id);
        });
}

QString AlertsScreen::status() const
{
    return m_status->text();
}

void AlertsScreen::retranslate()
{
    m_openOnly->setText(tr("Only open alerts"));
    m_severityLabel->setText(tr("Severity"));
    m_severity->setItemText(0, tr("any"));
    m_severity->setItemText(1, tr("page: act now"));
    m_severity->setItemText(2, tr("watch: look today"));
    m_kindLabel->setText(tr("Kind"));
    m_refresh->setText(tr("Refresh"));
    m_acknowledge->setText(tr("Acknowledge"));
    m_openOrder->setText(tr("Open order"));
    refreshModelTexts(m_model);
    showSelected();
}

void AlertsScreen::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace paydesk::ui
