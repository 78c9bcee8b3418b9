//! The geometry of a scrolled list: which items a rectangle shows, `item_rows` rows each, so
//! that the selection stays on screen. Drawing and mouse clicks both ask here, so a click lands
//! on the item that was drawn under it.

use ratatui::layout::Rect;

/// First index to show so that `selected` stays on screen in a list of `visible` rows.
pub fn list_offset(selected: usize, visible: usize) -> usize {
    if visible == 0 {
        return selected;
    }
    selected.saturating_sub(visible - 1)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListView {
    /// Where the items are drawn (inside any border and heading).
    pub area: Rect,
    /// Rows each item takes.
    pub item_rows: u16,
    pub selected: usize,
    pub len: usize,
}

impl ListView {
    /// Items that fit.
    pub fn visible(&self) -> usize {
        usize::from(self.area.height / self.item_rows.max(1))
    }

    /// The first item shown.
    pub fn offset(&self) -> usize {
        list_offset(self.selected, self.visible())
    }

    /// The items shown, in order.
    pub fn shown(&self) -> std::ops::Range<usize> {
        let offset = self.offset();
        offset.min(self.len)..(offset + self.visible()).min(self.len)
    }

    /// The item drawn at the cell (`column`, `row`), if any.
    pub fn item_at(&self, column: u16, row: u16) -> Option<usize> {
        let a = self.area;
        if column < a.x || column >= a.x + a.width || row < a.y || row >= a.y + a.height {
            return None;
        }
        let i = self.offset() + usize::from((row - a.y) / self.item_rows.max(1));
        (i < self.len).then_some(i)
    }
}

/// The speaker list drawn in the pane `rect`: two rows a speaker (name, then figures) inside
/// the border.
pub fn speaker_list(rect: Rect, selected: usize, len: usize) -> ListView {
    ListView {
        area: crate::tui::layout::inner(rect),
        item_rows: 2,
        selected,
        len,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_keep_the_selection_visible() {
        assert_eq!(list_offset(0, 3), 0);
        assert_eq!(list_offset(5, 3), 3);
        assert_eq!(list_offset(5, 0), 5);
    }

    #[test]
    fn clicks_land_on_the_item_drawn_there() {
        let list = ListView {
            area: Rect::new(2, 10, 20, 6),
            item_rows: 2,
            selected: 4,
            len: 6,
        };
        // Three items fit; the fifth is selected, so the third to fifth are shown.
        assert_eq!((list.visible(), list.shown()), (3, 2..5));
        assert_eq!(list.item_at(2, 10), Some(2));
        assert_eq!(list.item_at(21, 11), Some(2));
        assert_eq!(list.item_at(5, 12), Some(3));
        assert_eq!(list.item_at(5, 15), Some(4));
        assert_eq!(list.item_at(5, 16), None, "below the list");
        assert_eq!(list.item_at(22, 12), None, "right of the list");
        assert_eq!(list.item_at(1, 12), None, "left of the list");
        let short = ListView {
            len: 1,
            selected: 0,
            ..list
        };
        assert_eq!(
            (short.item_at(5, 10), short.item_at(5, 12)),
            (Some(0), None)
        );
    }
}
