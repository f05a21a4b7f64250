#include "common/RepeatableRequest.h"

#include <QLineEdit>
#include <QUuid>

namespace paydesk::ui {

RepeatableRequest::RepeatableRequest(std::initializer_list<QLineEdit*> fields, QObject* parent)
    : QObject(parent)
{
    for (QLineEdit* field : fields)
        connect(field, &QLineEdit::textEdited, this, [this] { m_number.clear(); });
}

QString RepeatableRequest::number()
{
    if (m_number.isEmpty())
        m_number = QStringLiteral("desk-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    return m_number;
}

} // namespace paydesk::ui
