#include "cashier/ProgressPanel.h"

#include "common/RelativeFont.h"

#include "common/Tone.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace paydesk::ui {

ProgressPanel::ProgressPanel(const Clock& clock, QWidget* parent) : QWidget(parent), m_clock(clock)
{
    setObjectName(QStringLiteral("progressPanel"));
    m_icon = new QLabel(this);
    m_icon->setFixedSize(64, 64);
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("saleHeadline"));
    m_headline->setWordWrap(true);
    setRelativeFont(m_headline, 2.2, true);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("saleDetail"));
    m_detail->setWordWrap(true);
    m_nextStep = new QLabel(this);
    m_nextStep->setObjectName(QStringLiteral("saleNextStep"));
    m_nextStep->setWordWrap(true);
    setRelativeFont(m_nextStep, 1.2, true);
    m_countdown = new QLabel(this);
    m_countdown->setObjectName(QStringLiteral("saleCountdown"));
    m_lastStep = new QLabel(this);
    m_lastStep->setObjectName(QStringLiteral("saleLastStep"));
    m_lastStep->setWordWrap(true);
    m_lastStep->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_revoke = new QPushButton(this);
    m_revoke->setObjectName(QStringLiteral("revokeButton"));
    m_revoke->setMinimumHeight(48);
    m_revoke->setFocusPolicy(Qt::NoFocus);
    m_receipt = new QPushButton(this);
    m_receipt->setObjectName(QStringLiteral("receiptButton"));
    m_receipt->setMinimumHeight(48);
    m_receipt->setFocusPolicy(Qt::NoFocus);
    m_newSale = new QPushButton(this);
    m_newSale->setObjectName(QStringLiteral("newSaleButton"));
    m_newSale->setMinimumHeight(48);
    m_newSale->setFocusPolicy(Qt::NoFocus);

    auto* top = new QHBoxLayout;
    top->addWidget(m_icon, 0, Qt::AlignTop);
    top->addWidget(m_headline, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_revoke, 2);
    buttons->addWidget(m_receipt, 1);
    buttons->addWidget(m_newSale, 1);
    auto* layout = new QVBoxLayout(this);
    // Tight: the QR screen stacks this panel under its own form, and must fit
    // 768 pixels in large Chinese type.
    layout->setSpacing(4);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_detail);
    layout->addWidget(m_countdown);
    layout->addWidget(m_nextStep);
    layout->addStretch(1);
    layout->addWidget(m_lastStep);
    layout->addLayout(buttons);

    connect(m_revoke, &QPushButton::clicked, this, &ProgressPanel::revokeRequested);
    connect(m_newSale, &QPushButton::clicked, this, &ProgressPanel::newSaleRequested);
    connect(m_receipt, &QPushButton::clicked, this,
            [this] { Q_EMIT receiptRequested(m_view.orderNo); });
    m_tick.setInterval(200);
    connect(&m_tick, &QTimer::timeout, this, &ProgressPanel::updateCountdown);
    retranslate();
    setView(SaleText::idle());
}

void ProgressPanel::setView(const SaleView& view)
{
    m_view = view;
    render();
}

void ProgressPanel::setHighContrast(bool on)
{
    m_highContrast = on;
    render();
}

void ProgressPanel::render()
{
    const QColor c = toneColor(m_view.tone, m_highContrast);
    m_icon->setPixmap(toneIcon(m_view.tone).pixmap(64, 64));
    m_headline->setText(m_view.headline);
    m_headline->setStyleSheet(QStringLiteral("color: %1;").arg(c.name()));
    m_detail->setText(m_view.detail);
    m_nextStep->setText(m_view.nextStep);
    m_lastStep->setText(m_view.lastStep);
    m_lastStep->setVisible(!m_view.lastStep.isEmpty());
    m_revoke->setVisible(m_view.canRevoke);
    // Every action has a key, shown on its button (a sale works without the
    // mouse); a hidden button's key does nothing. Set after the text, which
    // resets a button's shortcut.
    m_revoke->setText(tr("%1 (F8)").arg(m_view.revokeLabel));
    m_revoke->setShortcut(QKeySequence(Qt::Key_F8));
    m_receipt->setVisible(m_view.final && m_view.phase == SalePhase::Paid);
    m_newSale->setVisible(m_view.final);
    if (m_view.deadlineAtMs > 0 && !m_view.final)
        m_tick.start();
    else
        m_tick.stop();
    updateCountdown();
}

void ProgressPanel::updateCountdown()
{
    const bool show = m_view.deadlineAtMs > 0 && !m_view.final;
    m_countdown->setVisible(show);
    if (show)
        m_countdown->setText(SaleText::countdown(m_view.deadlineAtMs - m_clock.nowMs()));
}

void ProgressPanel::retranslate()
{
    m_receipt->setText(tr("Receipt (F3)"));
    m_receipt->setShortcut(QKeySequence(Qt::Key_F3));
    m_newSale->setText(tr("New sale (F2)"));
    m_newSale->setShortcut(QKeySequence(Qt::Key_F2));
}

void ProgressPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace paydesk::ui
