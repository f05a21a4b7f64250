#pragma once

#include <QString>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QWidget;

// The back-office screens' building blocks, made alike: named (tests and
// scripts find them by name), read-only tables of whole rows, and status
// lines that wrap and can be copied.
namespace paydesk::ui {

QTableView* newTableView(QAbstractItemModel* model, const QString& name, QWidget* parent);
QLabel* newStatusLabel(const QString& name, QWidget* parent);
QPushButton* newNamedButton(const QString& name, QWidget* parent);
QLineEdit* newNamedField(const QString& name, QWidget* parent);

} // namespace paydesk::ui
