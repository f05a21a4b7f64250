#pragma once

#include <QObject>
#include <QString>

#include <initializer_list>

class QLineEdit;

namespace paydesk::ui {

// The request number of a form that changes money: the same while the form
// is unchanged, so pressing again (or again after a lost answer) repeats
// the request instead of making a second one; a new one once a field is
// edited or the request went through.
class RepeatableRequest : public QObject
{
    Q_OBJECT
public:
    RepeatableRequest(std::initializer_list<QLineEdit*> fields, QObject* parent);

    QString number();
    void done() { m_number.clear(); }

private:
    QString m_number;
};

} // namespace paydesk::ui
