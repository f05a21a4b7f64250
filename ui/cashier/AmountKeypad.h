#pragma once

#include <QWidget>

class QLineEdit;

namespace paydesk::ui {

// Large touch buttons that type into the amount field (digits, "00", ".",
// backspace, clear). They never take the keyboard focus.
class AmountKeypad : public QWidget
{
    Q_OBJECT
public:
    explicit AmountKeypad(QLineEdit* target, QWidget* parent = nullptr);

Q_SIGNALS:
    void clearRequested();

private:
    void press(const QString& key);

    QLineEdit* m_target;
};

} // namespace paydesk::ui
