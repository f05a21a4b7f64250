#include "common/ActorField.h"

#include "app/CoreSession.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace paydesk::ui {

ActorField::ActorField(CoreSession& core, QWidget* parent) : QWidget(parent), m_core(core)
{
    m_label = new QLabel(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("actorName"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_name);
    layout->addStretch(1);
    retranslate();
    refresh();
}

bool ActorField::loginsOn() const
{
    return m_core.guard && m_core.guard->accessControlOn().value_or(true);
}

void ActorField::refresh()
{
    setVisible(!loginsOn());
}

std::optional<QString> ActorField::actor(const std::function<void(const QString&)>& show) const
{
    if (loginsOn())
        return QString();
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        if (show)
            show(tr("Type your name first: every step here is recorded in a person's name."));
        m_name->setFocus();
        return std::nullopt;
    }
    return name;
}

void ActorField::retranslate()
{
    m_label->setText(tr("Your name (nobody logs in here)"));
}

void ActorField::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace paydesk::ui
