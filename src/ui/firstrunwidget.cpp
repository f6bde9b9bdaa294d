// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/firstrunwidget.h"

#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace kumo {

FirstRunWidget::FirstRunWidget(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_addNode(new QPushButton(this))
    , m_openInventory(new QPushButton(this))
    , m_demo(new QPushButton(this))
{
    setObjectName(QStringLiteral("firstRun"));
    m_addNode->setObjectName(QStringLiteral("firstRunAddNode"));
    m_openInventory->setObjectName(QStringLiteral("firstRunOpenInventory"));
    m_demo->setObjectName(QStringLiteral("firstRunDemo"));

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setMinimumWidth(420);
    m_text->setMaximumWidth(560);
    m_addNode->setDefault(true);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_addNode);
    buttons->addWidget(m_openInventory);
    buttons->addWidget(m_demo);
    buttons->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_title);
    layout->addSpacing(8);
    // Centred by stretches, not by an alignment: an aligned label loses its height-for-width and
    // a long (Japanese) sentence would be cut off.
    auto* text = new QHBoxLayout;
    text->addStretch();
    text->addWidget(m_text, 1);
    text->addStretch();
    layout->addLayout(text);
    layout->addSpacing(16);
    layout->addLayout(buttons);
    layout->addStretch(3);

    connect(m_addNode, &QPushButton::clicked, this, &FirstRunWidget::addNodeClicked);
    connect(m_openInventory, &QPushButton::clicked, this, &FirstRunWidget::openInventoryClicked);
    connect(m_demo, &QPushButton::clicked, this, &FirstRunWidget::demoClicked);
    retranslate();
}

void FirstRunWidget::setInventoryPath(const QString& path)
{
    m_path = path;
    retranslate();
}

void FirstRunWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FirstRunWidget::retranslate()
{
    m_title->setText(tr("No nodes yet"));
    m_text->setText(tr("Kumo shows the campuses and nodes listed in its inventory, %1, which does not exist "
                       "yet: add a first node, open an inventory you already have, or look around in the "
                       "demo lab.")
                        .arg(QDir::toNativeSeparators(m_path)));
    m_addNode->setText(tr("Add Node…"));
    m_openInventory->setText(tr("Open Inventory…"));
    m_demo->setText(tr("Start the Demo Lab"));
}

} // namespace kumo
