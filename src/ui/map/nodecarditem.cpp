// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/map/nodecarditem.h"

#include <algorithm>

#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include "core/statetext.h"
#include "ui/map/instancechipitem.h"

namespace kumo {

using namespace mapstyle;

namespace {

constexpr qreal Left = 10;
constexpr qreal BarLeft = 66;
constexpr qreal ValueWidth = 104;
constexpr qreal BarRight = CardWidth - Left - ValueWidth - 6;

QStaticText prepared(const QString& text, const QFont& font)
{
    QStaticText s(text);
    s.setTextFormat(Qt::PlainText);
    s.prepare(QTransform(), font);
    return s;
}

double gib(quint64 kib)
{
    return double(kib) / (1024.0 * 1024.0);
}

} // namespace

NodeCardItem::NodeCardItem(const QString& nodeName, QGraphicsItem* parent)
    : QGraphicsItem(parent)
    , m_name(nodeName)
{
    m_snapshot.node = nodeName;
    setAcceptedMouseButtons(Qt::LeftButton | Qt::RightButton);
    // The chips are laid out inside the card. Saying so lets a repaint skip the chips of every card
    // outside the exposed area, instead of testing all of the map's chips against it each time.
    setFlag(ItemContainsChildrenInShape);
    m_height = naturalHeight();
}

NodeCardItem::Look NodeCardItem::look() const
{
    switch (m_snapshot.state) {
    case NodeState::Unreachable:
    case NodeState::NotResponding:
        return Look::Unreachable;
    case NodeState::Connecting:
        return Look::Connecting;
    case NodeState::Connected:
        return m_maintenance ? Look::Maintenance : Look::Connected;
    }
    return Look::Connecting;
}

bool NodeCardItem::setNode(const NodeSnapshot& snapshot, bool maintenance)
{
    const QString before = stateText() + cpuText() + memoryText() + m_snapshot.error.message;
    const bool maintenanceChanged = maintenance != m_maintenance;
    m_snapshot = snapshot;
    m_maintenance = maintenance;
    if (!maintenanceChanged && before == stateText() + cpuText() + memoryText() + m_snapshot.error.message)
        return false;
    invalidateTexts();
    update();
    return true;
}

void NodeCardItem::setInsecureWarning(const QString& reason)
{
    if (reason == m_insecureReason)
        return;
    m_insecureReason = reason;
    update();
}

QString NodeCardItem::stateText() const
{
    if (look() == Look::Maintenance)
        return tr("Maintenance", "node state");
    return nodeStateText(m_snapshot.state);
}

QString NodeCardItem::cpuText() const
{
    if (m_snapshot.state != NodeState::Connected || m_snapshot.cpuUsagePercent < 0)
        return tr("—", "unknown value");
    return tr("%1%").arg(QLocale().toString(m_snapshot.cpuUsagePercent, 'f', 0));
}

QString NodeCardItem::memoryText() const
{
    if (m_snapshot.state != NodeState::Connected || m_snapshot.memoryTotalKiB == 0)
        return tr("—", "unknown value");
    const quint64 used =
        m_snapshot.memoryTotalKiB - std::min(m_snapshot.memoryFreeKiB, m_snapshot.memoryTotalKiB);
    const QLocale locale;
    return tr("%1 / %2 GiB")
        .arg(locale.toString(gib(used), 'f', 1), locale.toString(gib(m_snapshot.memoryTotalKiB), 'f', 1));
}

QString NodeCardItem::instanceCountText() const
{
    const int count = int(m_chips.size());
    if (count == 0)
        return tr("No instances");
    return tr("%n instance(s), %1 running", "", count).arg(m_runningCount);
}

QString NodeCardItem::toolTipText() const
{
    QString text = tr("%1 — %2").arg(m_name, stateText());
    if (m_dropHint != DropHint::None) {
        text += QLatin1Char('\n') + dropHintText();
        if (!m_dropReason.isEmpty())
            text += QLatin1Char('\n') + m_dropReason;
    }
    if (m_snapshot.state == NodeState::Unreachable || m_snapshot.state == NodeState::NotResponding) {
        // libvirt's own words (the socket, the host) are what the person fixes the problem with.
        for (const QString& part : {m_snapshot.error.message, m_snapshot.error.detail}) {
            if (!part.isEmpty())
                text += QLatin1Char('\n') + part;
        }
    }
    if (m_maintenance && look() != Look::Maintenance)
        text += QLatin1Char('\n') + tr("In maintenance: takes no new instances.");
    if (!m_insecureReason.isEmpty())
        text += QLatin1Char('\n') + m_insecureReason;
    if (!m_snapshot.hostname.isEmpty())
        text += QLatin1Char('\n') + tr("Host: %1").arg(m_snapshot.hostname);
    if (m_snapshot.cpus > 0)
        text += QLatin1Char('\n') + tr("%n CPU(s), %1", "", m_snapshot.cpus).arg(m_snapshot.cpuModel);
    text += QLatin1Char('\n') + instanceCountText();
    return text;
}

void NodeCardItem::addChip(InstanceChipItem* chip)
{
    chip->setParentItem(this);
    chip->setPaintedByCard(m_paintsChips);
    m_chips.append(chip);
    m_chipPositionsValid = false;
    updateCounts();
}

void NodeCardItem::removeChip(InstanceChipItem* chip)
{
    m_chips.removeOne(chip);
    m_chipPositionsValid = false;
    if (m_paintsChips)
        update(); // its cell is part of the card's own painting
    updateCounts();
}

void NodeCardItem::setPaintsChips(bool paints)
{
    if (paints == m_paintsChips)
        return;
    m_paintsChips = paints;
    for (InstanceChipItem* chip : std::as_const(m_chips))
        chip->setPaintedByCard(paints);
}

bool NodeCardItem::layoutChips()
{
    std::sort(m_chips.begin(), m_chips.end(), [](const InstanceChipItem* a, const InstanceChipItem* b) {
        return a->name() != b->name() ? a->name() < b->name() : a->uuid() < b->uuid();
    });
    m_chipPositions.resize(m_chips.size());
    for (int i = 0; i < m_chips.size(); ++i) {
        const int row = i / ChipColumns;
        const int column = i % ChipColumns;
        const QPointF where(CardPadding + column * (ChipWidth + ChipGap),
                            CardChipsTop + row * (ChipHeight + ChipGap));
        m_chipPositions[i] = where;
        if (m_chips.at(i)->pos() != where) {
            m_chips.at(i)->setPos(where);
            if (m_paintsChips)
                update(); // the chip moved inside the card's own painting
        }
    }
    m_chipPositionsValid = true;
    const int rows = int((m_chips.size() + ChipColumns - 1) / ChipColumns);
    const bool changed = rows != m_chipRows;
    m_chipRows = rows;
    return changed;
}

void NodeCardItem::updateCounts()
{
    int running = 0;
    for (const InstanceChipItem* chip : std::as_const(m_chips)) {
        if (chip->snapshot().isActive())
            ++running;
    }
    if (running == m_runningCount && m_chips.size() == m_countedChips)
        return;
    m_runningCount = running;
    m_countedChips = m_chips.size();
    m_countDirty = true;
    // Only the count line: repainting the whole card would repaint every chip on it too.
    update(QRectF(0, CardBodyTop + 2 * CardLineHeight, CardWidth, CardLineHeight));
}

qreal NodeCardItem::naturalHeight() const
{
    if (m_chipRows == 0)
        return CardChipsTop + 2;
    return CardChipsTop + m_chipRows * (ChipHeight + ChipGap) - ChipGap + CardPadding;
}

void NodeCardItem::setDisplayHeight(qreal height)
{
    if (qFuzzyCompare(height, m_height))
        return;
    prepareGeometryChange();
    m_height = height;
}

void NodeCardItem::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

namespace {

QColor dropHintColor(NodeCardItem::DropHint hint)
{
    switch (hint) {
    case NodeCardItem::DropHint::Allowed:
        return {0x2e, 0x8b, 0x57};
    case NodeCardItem::DropHint::Warning:
        return {0xd9, 0x8a, 0x00};
    case NodeCardItem::DropHint::Refused:
        return {0xc9, 0x2a, 0x2a};
    case NodeCardItem::DropHint::None:
        break;
    }
    return {};
}

QString dropHintGlyph(NodeCardItem::DropHint hint)
{
    switch (hint) {
    case NodeCardItem::DropHint::Allowed:
        return QStringLiteral("\u2713");
    case NodeCardItem::DropHint::Warning:
        return QStringLiteral("!");
    case NodeCardItem::DropHint::Refused:
        return QStringLiteral("\u2715");
    case NodeCardItem::DropHint::None:
        break;
    }
    return {};
}

} // namespace

QString NodeCardItem::dropHintText() const
{
    QString text;
    switch (m_dropHint) {
    case DropHint::None:
        return {};
    case DropHint::Allowed:
        text = tr("Can move here");
        break;
    case DropHint::Warning:
        text = tr("Can move here, with warnings");
        break;
    case DropHint::Refused:
        text = tr("Cannot move here");
        break;
    }
    if (m_dropPending && m_dropHint != DropHint::Refused)
        text = tr("%1 (still checking…)").arg(text);
    return text;
}

void NodeCardItem::setDropHint(DropHint hint, const QString& reason, bool pending)
{
    if (hint == m_dropHint && reason == m_dropReason && pending == m_dropPending)
        return;
    m_dropHint = hint;
    m_dropReason = reason;
    m_dropPending = pending;
    if (hint == DropHint::None)
        m_dropTarget = false;
    update();
}

void NodeCardItem::setDropTarget(bool target)
{
    if (target == m_dropTarget)
        return;
    m_dropTarget = target;
    update();
}

void NodeCardItem::paintDropHint(QPainter* painter, qreal lod) const
{
    if (m_dropHint == DropHint::None)
        return;
    // Colour, glyph and words: the hint reads without colour too.
    const QColor color = dropHintColor(m_dropHint);
    const bool refused = m_dropHint == DropHint::Refused;
    const QRectF card(1.5, 1.5, CardWidth - 3, m_height - 3);
    painter->setBrush(Qt::NoBrush);
    if (refused) {
        // Dimmed: the eye skips the cards it cannot use.
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xf4, 0xf6, 0xf8, 150));
        painter->drawRoundedRect(card, Radius, Radius);
    } else if (m_dropTarget) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(color.red(), color.green(), color.blue(), 28));
        painter->drawRoundedRect(card, Radius, Radius);
    }
    const qreal width = (m_dropTarget ? 5.0 : 3.0) / std::max(lod, 0.05);
    QPen border(color, std::min(width, 12.0));
    if (refused)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(card, Radius, Radius);
    if (lod < DetailLod) {
        painter->save();
        painter->scale(1 / lod, 1 / lod);
        QFont font = nodeGlyphFont();
        font.setPixelSize(std::max(12, int(std::min(CardHeaderHeight * lod * 1.4, 40.0))));
        painter->setFont(font);
        painter->setPen(color);
        painter->drawText(QRectF(0, 0, CardWidth * lod, m_height * lod), Qt::AlignCenter,
                          dropHintGlyph(m_dropHint));
        painter->restore();
        return;
    }
    // A band over the body (CPU, memory and count lines) with the verdict and its reason.
    const QRectF band(Left - 4, CardHeaderHeight + 3, CardWidth - 2 * Left + 8,
                      CardChipsTop - CardHeaderHeight - 6);
    painter->setPen(QPen(color, 1.2));
    painter->setBrush(tint(color, 0.88));
    painter->drawRoundedRect(band, 4, 4);
    const QRectF disc(band.left() + 8, band.center().y() - 11, 22, 22);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    if (m_dropHint == DropHint::Warning) {
        QPainterPath triangle;
        triangle.moveTo(disc.center().x(), disc.top());
        triangle.lineTo(disc.right() + 1, disc.bottom());
        triangle.lineTo(disc.left() - 1, disc.bottom());
        triangle.closeSubpath();
        painter->drawPath(triangle);
    } else if (refused) {
        painter->drawRoundedRect(disc, 4, 4);
    } else {
        painter->drawEllipse(disc);
    }
    QFont glyph = cardTitleFont();
    glyph.setBold(true);
    painter->setFont(glyph);
    painter->setPen(Qt::white);
    painter->drawText(disc.adjusted(0, m_dropHint == DropHint::Warning ? 3 : 0, 0, 0), Qt::AlignCenter,
                      dropHintGlyph(m_dropHint));
    const QRectF textArea = band.adjusted(40, 4, -8, -4);
    const QFontMetricsF titleMetrics(cardTitleFont());
    painter->setFont(cardTitleFont());
    painter->setPen(color.darker(135));
    painter->drawText(QRectF(textArea.left(), textArea.top(), textArea.width(), titleMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(dropHintText(), Qt::ElideRight, textArea.width()));
    if (!m_dropReason.isEmpty()) {
        painter->setFont(cardTextFont());
        painter->setPen(textColor());
        const QRectF reasonArea(textArea.left(), textArea.top() + titleMetrics.height() + 1, textArea.width(),
                                textArea.height() - titleMetrics.height() - 1);
        // Two lines at most; the tooltip has the whole text.
        const QFontMetricsF metrics(cardTextFont());
        QString shown = m_dropReason;
        if (metrics.boundingRect(reasonArea, Qt::TextWordWrap, shown).height() > reasonArea.height() + 1) {
            while (shown.size() > 1 &&
                   metrics.boundingRect(reasonArea, Qt::TextWordWrap, shown + QStringLiteral("…")).height() >
                       reasonArea.height() + 1)
                shown.chop(1);
            shown = shown.trimmed() + QStringLiteral("…");
        }
        painter->drawText(reasonArea, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, shown);
    }
}

void NodeCardItem::retranslate()
{
    invalidateTexts();
    update();
}

void NodeCardItem::invalidateTexts()
{
    m_textsDirty = true;
    m_countDirty = true;
}

void NodeCardItem::ensureTexts() const
{
    if (m_countDirty) {
        m_countText = prepared(instanceCountText(), cardTextFont());
        m_countDirty = false;
    }
    if (!m_textsDirty)
        return;
    m_textsDirty = false;
    m_stateText = prepared(stateText(), cardTextFont());
    const qreal nameWidth = CardWidth - 28 - Left - m_stateText.size().width() - 8;
    m_nameText = elidedStaticText(m_name, cardTitleFont(), nameWidth);
    m_cpuLabel = elidedStaticText(tr("CPU"), cardTextFont(), BarLeft - Left - 4);
    m_memoryLabel = elidedStaticText(tr("Memory"), cardTextFont(), BarLeft - Left - 4);
    m_cpuText = prepared(cpuText(), cardTextFont());
    m_memoryText = prepared(memoryText(), cardTextFont());
    QString error = m_snapshot.error.message;
    if (error.isEmpty() && m_snapshot.state == NodeState::Connecting)
        error = tr("Connecting to libvirt…");
    m_errorText = elidedStaticText(error, cardTextFont(), CardWidth - 2 * Left);
}

QRectF NodeCardItem::boundingRect() const
{
    return QRectF(-1.5, -1.5, CardWidth + 3, m_height + 3);
}

void NodeCardItem::paintBar(QPainter* painter, qreal y, double fraction, const QColor& color) const
{
    const QRectF track(BarLeft, y + 5, BarRight - BarLeft, 8);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0xe4, 0xe8, 0xec));
    painter->drawRoundedRect(track, 3, 3);
    if (fraction > 0) {
        painter->setBrush(color);
        painter->drawRoundedRect(
            QRectF(track.topLeft(), QSizeF(track.width() * std::clamp(fraction, 0.0, 1.0), track.height())),
            3, 3);
    }
}

void NodeCardItem::paintBlock(QPainter* painter, qreal lod) const
{
    // Zoomed out: a block in the state's colour; unreachable and maintenance cards are hatched
    // so that they differ without colour.
    const Look current = look();
    const QColor color = nodeLookColor(current);
    const QRectF card(0, 0, CardWidth, m_height);
    // The frame as two fills, not a stroked outline: five hundred cards stroked cost a repaint
    // of the overview several milliseconds. The frame is 1.5 screen pixels wide (3 highlighted),
    // centred on the card's edge as a pen would draw it.
    const qreal frame = (m_highlighted ? 3 : 1.5) / lod;
    painter->fillRect(card.adjusted(-frame / 2, -frame / 2, frame / 2, frame / 2),
                      m_highlighted ? accentColor() : color);
    painter->fillRect(card.adjusted(frame / 2, frame / 2, -frame / 2, -frame / 2),
                      current == Look::Unreachable ? QColor(0xe6, 0xe6, 0xe6) : tint(color, 0.85));
    if (current == Look::Unreachable || current == Look::Maintenance) {
        QBrush hatch(tint(color, 0.3),
                     current == Look::Unreachable ? Qt::DiagCrossPattern : Qt::BDiagPattern);
        hatch.setTransform(QTransform::fromScale(1 / lod, 1 / lod));
        painter->setPen(Qt::NoPen);
        painter->setBrush(hatch);
        painter->drawRect(card);
    }
    painter->fillRect(QRectF(0, 0, CardWidth, CardHeaderHeight), color);
    // The name at a readable size while it still fits across the card.
    if (CardWidth * lod >= 64) {
        painter->save();
        painter->translate(0, 0);
        painter->scale(1 / lod, 1 / lod);
        painter->setFont(nodeGlyphFont());
        painter->setPen(Qt::white);
        const QRectF header(4, 0, CardWidth * lod - 8, std::max(CardHeaderHeight * lod, 14.0));
        const QString label =
            QFontMetricsF(cardTextFont()).elidedText(m_name, Qt::ElideRight, header.width() - 14);
        painter->drawStaticText(QPointF(header.left(), 0), nodeLookGlyph(current));
        painter->setFont(cardTextFont());
        painter->drawText(header.adjusted(14, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, label);
        painter->restore();
    }
}

void NodeCardItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const qreal lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    if (lod < DetailLod) {
        paintBlock(painter, lod);
        paintChips(painter, lod);
        paintDropHint(painter, lod);
        return;
    }
    ensureTexts();
    const Look current = look();
    const QColor color = nodeLookColor(current);
    const bool unreachable = current == Look::Unreachable;
    const QRectF card(0.5, 0.5, CardWidth - 1, m_height - 1);

    painter->setPen(m_highlighted ? QPen(accentColor(), 2.5) : QPen(QColor(0xc8, 0xcf, 0xd6), 1));
    painter->setBrush(unreachable ? QColor(0xee, 0xef, 0xf1) : QColor(Qt::white));
    painter->drawRoundedRect(card, Radius, Radius);

    // Header band: glyph, name and state word.
    QPainterPath header;
    header.addRoundedRect(QRectF(1, 1, CardWidth - 2, CardHeaderHeight + Radius), Radius - 1, Radius - 1);
    QPainterPath cut;
    cut.addRect(QRectF(0, CardHeaderHeight, CardWidth, Radius + 2));
    painter->setPen(Qt::NoPen);
    painter->setBrush(unreachable ? QColor(0xdc, 0xdf, 0xe3) : tint(color, 0.82));
    painter->drawPath(header.subtracted(cut));
    painter->fillRect(QRectF(1, CardHeaderHeight - 2, CardWidth - 2, 2), color);
    if (unreachable) {
        QBrush hatch(QColor(0xc9, 0x2a, 0x2a, 40), Qt::BDiagPattern);
        painter->setBrush(hatch);
        painter->drawRoundedRect(card.adjusted(1, CardHeaderHeight, -1, -1), Radius, Radius);
    }

    const QStaticText& glyph = nodeLookGlyph(current);
    painter->setPen(color);
    painter->setFont(nodeGlyphFont());
    painter->drawStaticText(QPointF(Left, (CardHeaderHeight - glyph.size().height()) / 2 - 1), glyph);
    painter->setFont(cardTitleFont());
    painter->setPen(unreachable ? mutedTextColor() : textColor());
    painter->drawStaticText(QPointF(28, (CardHeaderHeight - m_nameText.size().height()) / 2 - 1), m_nameText);
    painter->setFont(cardTextFont());
    painter->setPen(color.darker(125));
    painter->drawStaticText(QPointF(CardWidth - Left - m_stateText.size().width(),
                                    (CardHeaderHeight - m_stateText.size().height()) / 2 - 1),
                            m_stateText);
    if (!m_insecureReason.isEmpty()) {
        // An amber triangle before the state word: seen at a glance, explained by the tooltip.
        const qreal size = 13;
        const qreal right = CardWidth - Left - m_stateText.size().width() - 6;
        const qreal top = (CardHeaderHeight - size) / 2;
        const QPolygonF triangle{QPointF(right - size / 2, top), QPointF(right, top + size),
                                 QPointF(right - size, top + size)};
        painter->setPen(QPen(QColor(0x8a, 0x5a, 0x00), 1));
        painter->setBrush(QColor(0xf5, 0xb0, 0x1a));
        painter->drawPolygon(triangle);
        painter->setPen(QPen(QColor(0x3a, 0x26, 0x00), 1.6));
        painter->drawLine(QPointF(right - size / 2, top + 4), QPointF(right - size / 2, top + size - 4.5));
        painter->drawPoint(QPointF(right - size / 2, top + size - 2.2));
    }

    const qreal lineTop = CardBodyTop;
    if (m_snapshot.state == NodeState::Connected) {
        painter->setPen(mutedTextColor());
        painter->drawStaticText(QPointF(Left, lineTop), m_cpuLabel);
        painter->drawStaticText(QPointF(Left, lineTop + CardLineHeight), m_memoryLabel);
        painter->setPen(textColor());
        painter->drawStaticText(QPointF(CardWidth - Left - m_cpuText.size().width(), lineTop), m_cpuText);
        painter->drawStaticText(
            QPointF(CardWidth - Left - m_memoryText.size().width(), lineTop + CardLineHeight), m_memoryText);
        const double cpu = m_snapshot.cpuUsagePercent < 0 ? 0 : m_snapshot.cpuUsagePercent / 100.0;
        const double memory = m_snapshot.memoryTotalKiB == 0 ? 0
                                                             : 1.0 - double(m_snapshot.memoryFreeKiB) /
                                                                         double(m_snapshot.memoryTotalKiB);
        const auto barColor = [](double f) {
            return f > 0.9    ? QColor(0xd6, 0x33, 0x33)
                   : f > 0.75 ? QColor(0xe0, 0x98, 0x00)
                              : QColor(0x3b, 0x7d, 0xd8);
        };
        paintBar(painter, lineTop, cpu, barColor(cpu));
        paintBar(painter, lineTop + CardLineHeight, memory, barColor(memory));
    } else {
        painter->setPen(unreachable ? color.darker(110) : mutedTextColor());
        painter->drawStaticText(QPointF(Left, lineTop + CardLineHeight / 2), m_errorText);
    }
    painter->setPen(mutedTextColor());
    painter->drawStaticText(QPointF(Left, lineTop + 2 * CardLineHeight), m_countText);
    paintChips(painter, lod);
    paintDropHint(painter, lod);
}

void NodeCardItem::paintChips(QPainter* painter, qreal lod) const
{
    if (!m_paintsChips)
        return;
    const bool cells = lod < DetailLod;
    const QTransform card = painter->worldTransform();
    // Cells of a few pixels: whole-pixel fills, without the antialiased edges the rasterizer
    // would compute for every one of them.
    const bool antialiased = painter->testRenderHint(QPainter::Antialiasing);
    if (cells)
        painter->setRenderHint(QPainter::Antialiasing, false);
    for (qsizetype i = 0; i < m_chips.size(); ++i) {
        InstanceChipItem* chip = m_chips.at(i);
        const QPointF at = m_chipPositionsValid ? m_chipPositions.at(i) : chip->pos();
        if (cells) {
            chip->paintCell(painter, at);
            continue;
        }
        // Near the switching zoom: the chip's full look, at its place and the painter's scale.
        painter->setWorldTransform(QTransform::fromTranslate(at.x(), at.y()) * card);
        chip->paint(painter, nullptr, nullptr);
    }
    if (!cells)
        painter->setWorldTransform(card);
    painter->setRenderHint(QPainter::Antialiasing, antialiased);
}

void NodeCardItem::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    // See InstanceChipItem::mousePressEvent: the scene selects, the card keeps the view from panning.
    event->accept();
}

} // namespace kumo
