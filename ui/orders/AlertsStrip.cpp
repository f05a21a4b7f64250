#include "orders/AlertsStrip.h"

#include "common/ModelTexts.h"
#include "orders/AlertsModel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace paydesk::ui {

AlertsStrip::AlertsStrip(PayDeskApi& api, QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("alertsStrip"));
    m_model = new AlertsModel(api, this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("alertsTitle"));
    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("alertsView"));
    m_view->setModel(m_model);
    m_view->setMaximumHeight(64);
    m_view->setWordWrap(true); // the "what to do" half must not be cut off
    m_view->setFocusPolicy(Qt::ClickFocus);
    m_ack = new QPushButton(this);
    m_ack->setObjectName(QStringLiteral("alertsAcknowledge"));
    m_ack->setFocusPolicy(Qt::NoFocus);
    m_open = new QPushButton(this);
    m_open->setObjectName(QStringLiteral("alertsOpenOrder"));
    m_open->setFocusPolicy(Qt::NoFocus);
    // Buttons side by side: the strip stays as low as its list.
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_ack);
    buttons->addWidget(m_open);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    connect(m_ack, &QPushButton::clicked, this, &AlertsStrip::acknowledgeSelected);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QModelIndex i = m_view->currentIndex();
        const QString no =
            (i.isValid() ? i : m_model->index(0)).data(AlertsModel::OrderNoRole).toString();
        if (!no.isEmpty())
            Q_EMIT openOrderRequested(no);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AlertsStrip::update);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &AlertsStrip::update);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AlertsStrip::update);
    retranslate();
    update();
}

void AlertsStrip::acknowledgeSelected()
{
    const QModelIndex i =
        m_view->currentIndex().isValid() ? m_view->currentIndex() : m_model->index(0);
    if (!i.isValid())
        return;
    m_model->acknowledge(i.data(AlertsModel::AlertIdRole).toLongLong(), m_who);
}

void AlertsStrip::update()
{
    const int n = m_model->rowCount();
    setVisible(n > 0);
    m_title->setText(tr("⚠ %n open alert(s)", nullptr, n));
    m_open->setEnabled(n > 0);
}

void AlertsStrip::retranslate()
{
    m_ack->setText(tr("Acknowledge"));
    m_open->setText(tr("Open order"));
    refreshModelTexts(m_model); // the alerts' summaries are translated too
    update();
}

void AlertsStrip::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace paydesk::ui
