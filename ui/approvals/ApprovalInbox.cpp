#include "approvals/ApprovalInbox.h"

#include "api/BackOfficeApi.h"
#include "approvals/ApprovalsModel.h"
#include "common/ModelTexts.h"
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

ApprovalInbox::ApprovalInbox(BackOfficeApi& books, const QString& kind,
                             std::function<std::optional<QString>()> actor, QWidget* parent)
    : QWidget(parent), m_books(books), m_kind(kind), m_actor(std::move(actor)),
      m_model(new ApprovalsModel(this))
{
    setObjectName(kind + QStringLiteral("Inbox"));
    m_view = newTableView(m_model, kind + QStringLiteral("View"), this);
    m_noteLabel = new QLabel(this);
    m_note = new QLineEdit(this);
    m_note->setObjectName(kind + QStringLiteral("DecisionNote"));
    m_approve = new QPushButton(this);
    m_approve->setObjectName(kind + QStringLiteral("Approve"));
    m_reject = new QPushButton(this);
    m_reject->setObjectName(kind + QStringLiteral("Reject"));
    m_status = newStatusLabel(kind + QStringLiteral("Status"), this);

    auto* decision = new QHBoxLayout;
    decision->addWidget(m_noteLabel);
    decision->addWidget(m_note, 1);
    decision->addWidget(m_approve);
    decision->addWidget(m_reject);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(decision);
    layout->addWidget(m_status);

    connect(m_approve, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(false); });
    retranslate();
}

void ApprovalInbox::reload()
{
    const int row = m_view->currentIndex().row();
    const QString selected = row >= 0 ? m_model->records().at(row).number() : QString();
    m_books.approvals(m_kind, [self = QPointer<ApprovalInbox>(this),
                               selected](const QList<ApprovalRecord>& records) {
        if (!self)
            return;
        self->m_model->setRecords(records);
        self->m_view->resizeColumnsToContents();
        self->select(selected);
    });
}

bool ApprovalInbox::select(const QString& number)
{
    const int row = number.isEmpty() ? -1 : m_model->rowOf(number);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_model->index(row, 0));
    return true;
}

void ApprovalInbox::decide(bool approve)
{
    const int row = m_view->currentIndex().row();
    if (row < 0) {
        showStatus(tr("Pick a request in the list first."));
        return;
    }
    const ApprovalRecord& r = m_model->records().at(row);
    if (r.state != ApprovalState::Requested) {
        showStatus(tr("%1 is already %2.").arg(r.number(), r.stateName()));
        return;
    }
    const QString note = m_note->text().trimmed();
    if (!approve && note.isEmpty()) {
        showStatus(tr("Say why you reject %1 (the note), so the proposer knows.").arg(r.number()));
        m_note->setFocus();
        return;
    }
    const std::optional<QString> by = m_actor();
    if (!by) {
        showStatus(tr("Type your name first: a request is decided by someone other than its "
                      "proposer."));
        return;
    }
    m_books.decideApproval(m_kind, r.number(), approve, *by, note,
                           [self = QPointer<ApprovalInbox>(this), number = r.number(),
                            approve](const BackOfficeOutcome& o) {
                               if (!self)
                                   return;
                               if (o.ok()) {
                                   self->m_note->clear();
                                   self->showStatus(approve ? tr("%1 approved.").arg(number)
                                                            : tr("%1 rejected.").arg(number));
                                   Q_EMIT self->decided();
                               } else {
                                   self->showStatus(o.message);
                               }
                               self->reload();
                           });
}

void ApprovalInbox::setDecisionsAllowed(bool allowed)
{
    for (QWidget* w : {static_cast<QWidget*>(m_note), static_cast<QWidget*>(m_approve),
                       static_cast<QWidget*>(m_reject)})
        w->setEnabled(allowed);
}

void ApprovalInbox::showStatus(const QString& text)
{
    m_status->setText(text);
}

QString ApprovalInbox::status() const
{
    return m_status->text();
}

void ApprovalInbox::retranslate()
{
    m_noteLabel->setText(tr("Note"));
    m_note->setPlaceholderText(tr("why (needed to reject)"));
    m_approve->setText(tr("Approve"));
    m_reject->setText(tr("Reject"));
    refreshModelTexts(m_model);
}

void ApprovalInbox::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace paydesk::ui
