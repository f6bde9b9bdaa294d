// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/details/propertyform.h"

#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QStyle>

namespace kumo {

namespace {

// A one-line value that does not fit (a UUID in a narrow panel) ends in "…" instead of being cut
// off, and shows in full as its tool tip. The label keeps the whole text: selecting and copying
// take all of it, and while a selection is shown the label paints as usual.
class ValueLabel : public QLabel
{
public:
    using QLabel::QLabel;

    [[nodiscard]] bool isElided() const
    {
        return !wordWrap() && !text().isEmpty() &&
               fontMetrics().horizontalAdvance(text()) > contentsRect().width();
    }

    // A tool tip someone else set (the node's URI) stays; only the full-text one is managed here.
    void updateToolTip()
    {
        const bool own = m_ownToolTip && toolTip() == m_shownToolTip;
        if (!toolTip().isEmpty() && !own)
            return;
        m_shownToolTip = isElided() ? text() : QString();
        m_ownToolTip = !m_shownToolTip.isEmpty();
        setToolTip(m_shownToolTip);
    }

protected:
    void paintEvent(QPaintEvent* event) override
    {
        if (!isElided() || hasSelectedText()) {
            QLabel::paintEvent(event);
            return;
        }
        QPainter painter(this);
        const QRect area = contentsRect();
        const QString shown = fontMetrics().elidedText(text(), Qt::ElideRight, area.width());
        style()->drawItemText(&painter, area, int(alignment()), palette(), isEnabled(), shown,
                              foregroundRole());
    }

    void resizeEvent(QResizeEvent* event) override
    {
        QLabel::resizeEvent(event);
        updateToolTip();
    }

private:
    bool m_ownToolTip = false;
    QString m_shownToolTip;
};

} // namespace

PropertyForm::PropertyForm(QWidget* parent)
    : QWidget(parent)
    , m_layout(new QGridLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setAlignment(Qt::AlignTop);
    m_layout->setHorizontalSpacing(12);
    m_layout->setVerticalSpacing(4);
    // Labels take what they need; values take the rest of the width.
    m_layout->setColumnStretch(1, 1);
}

int PropertyForm::addRow(const QString& objectName, bool wrap)
{
    Row row;
    row.name = new QLabel(this);
    row.value = new ValueLabel(this);
    row.name->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    row.value->setObjectName(objectName);
    row.value->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    row.value->setTextFormat(Qt::PlainText);
    // Keyboard users can reach and copy values too (UUIDs, URIs, error texts).
    row.value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    row.value->setWordWrap(wrap);
    row.value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    row.value->setMinimumWidth(120);
    row.name->setBuddy(row.value);
    const int index = int(m_rows.size());
    m_layout->addWidget(row.name, index, 0, Qt::AlignLeft | Qt::AlignTop);
    m_layout->addWidget(row.value, index, 1);
    m_rows.append(row);
    return int(m_rows.size() - 1);
}

void PropertyForm::setLabel(int row, const QString& text)
{
    m_rows.at(row).name->setText(text);
    m_rows.at(row).value->setAccessibleName(text);
}

void PropertyForm::setValue(int row, const QString& text)
{
    QLabel* label = m_rows.at(row).value;
    if (label->text() == text)
        return;
    label->setText(text);
    static_cast<ValueLabel*>(label)->updateToolTip();
}

void PropertyForm::setRowVisible(int row, bool visible)
{
    const Row& shown = m_rows.at(row);
    shown.name->setVisible(visible);
    shown.value->setVisible(visible);
}

QLabel* PropertyForm::valueLabel(int row) const
{
    return m_rows.at(row).value;
}

QLabel* PropertyForm::nameLabel(int row) const
{
    return m_rows.at(row).name;
}

} // namespace kumo
