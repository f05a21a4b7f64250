#include "cashier/AmountKeypad.h"

#include "common/RelativeFont.h"

#include <QGridLayout>
#include <QLineEdit>
#include <QPushButton>

namespace paydesk::ui {

AmountKeypad::AmountKeypad(QLineEdit* target, QWidget* parent) : QWidget(parent), m_target(target)
{
    setObjectName(QStringLiteral("amountKeypad"));
    // Four rows, not five: backspace and clear are tall keys on the right,
    // as on a calculator, so the keypad leaves room on a 768-pixel screen.
    struct Key
    {
        const char* label;
        int row, column, rowSpan;
    };
    static const Key keys[] = {
        {"7", 0, 0, 1}, {"8", 0, 1, 1}, {"9", 0, 2, 1},  {"\u232b", 0, 3, 2}, {"4", 1, 0, 1},
        {"5", 1, 1, 1}, {"6", 1, 2, 1}, {"1", 2, 0, 1},  {"2", 2, 1, 1},      {"3", 2, 2, 1},
        {"C", 2, 3, 2}, {"0", 3, 0, 1}, {"00", 3, 1, 1}, {".", 3, 2, 1},
    };
    auto* grid = new QGridLayout(this);
    grid->setSpacing(6);
    grid->setContentsMargins(0, 0, 0, 0);
    for (const Key& k : keys) {
        const QString key = QString::fromUtf8(k.label);
        auto* b = new QPushButton(key, this);
        b->setObjectName(QStringLiteral("key_") + QString::number(k.row) +
                         QString::number(k.column));
        b->setFocusPolicy(Qt::NoFocus);
        b->setMinimumSize(64, 48);
        b->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
        setRelativeFont(b, 1.4);
        connect(b, &QPushButton::clicked, this, [this, key] { press(key); });
        grid->addWidget(b, k.row, k.column, k.rowSpan, 1);
    }
}

void AmountKeypad::press(const QString& key)
{
    if (key == QLatin1String("C")) {
        Q_EMIT clearRequested();
        return;
    }
    if (key == QStringLiteral("\u232b")) {
        m_target->backspace();
        return;
    }
    m_target->insert(key); // the field's validator keeps the text well-formed
}

} // namespace paydesk::ui
