package report

import (
	"backtrack/store"
	"backtrack/store/settings"
	"errors"
	"fmt"
	"io"

	"github.com/jung-kurt/gofpdf"
)

// Page geometry in millimetres. The bottom margin leaves room for the
// footer (confidentiality line and page numbers).
const (
	marginX      = 18.0
	marginTop    = 14.0
	footerHeight = 16.0
	sectionGap   = 7.0
)

// ErrRender marks a report that could not be drawn as a PDF; nothing was
// written. It is neither the database's fault nor the disk's, and the desk
// says so in its own words.
var ErrRender = errors.New("the report could not be drawn")

// Write prints a report as PDF to w. It checks gofpdf's sticky error once,
// before anything reaches w, so a failed report writes nothing.
func Write(w io.Writer, d Data, o Options) error {
	return write(w, d, o, nil)
}

func write(w io.Writer, d Data, o Options, note *store.Session) error {
	o = o.withDefaults()
	r, err := newRenderer(d, o, note)
	if err != nil {
		return err
	}
	switch {
	case note != nil && o.Document == HomeProgramme:
		r.renderHandout()
	case note != nil:
		r.renderNote()
	default:
		r.render()
		if page, by := r.alonePage, r.aloneBy; page > 0 {
			// The signature went over to a page of its own: drawn again with
			// the page before it ending a few lines sooner, those lines come
			// over with the signature, which closes what it signs.
			if r, err = newRenderer(d, o, note); err != nil {
				return err
			}
			r.shortPage, r.shortBy = page, by
			r.render()
		}
	}
	if err := r.pdf.Error(); err != nil {
		return fmt.Errorf("write report: %w: %w", ErrRender, err)
	}
	if err := r.pdf.Output(w); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// renderer lays out one report. Text goes down the page from y; before
// anything is drawn the renderer makes sure it fits above the footer, or
// starts a new page (repeating the table header when a table is running).
type renderer struct {
	pdf *gofpdf.Fpdf
	d   Data
	o   Options

	left, right, width float64 // content column
	bottom             float64 // lowest y content may reach
	contentTop         float64 // where content starts on the current page

	current style  // the style last selected with use
	styled  bool   // whether current is set
	extras  []bool // which extraFonts this PDF has registered
	lines   *pageText

	// onNewPage runs after the running header of every new page; the
	// sessions table sets it to repeat its header row.
	onNewPage func()

	// fullBottom is bottom on every page but shortPage, which ends shortBy
	// sooner; alonePage is the page a signature block left behind when it
	// turned the page (0: none did), aloneBy how much sooner that page must
	// end for its last lines to come over with the block.
	fullBottom float64
	shortPage  int
	shortBy    float64
	alonePage  int
	aloneBy    float64

	// note is the one session a visit note prints; nil for a progress
	// report.
	note *store.Session
}

// docTitle names the document in its header: a progress report, or one
// visit's note.
func (r *renderer) docTitle() string {
	if r.note != nil && r.o.Document != HomeProgramme {
		return "Visit note"
	}
	return r.o.Document.Title()
}

func newRenderer(d Data, o Options, note *store.Session) (*renderer, error) {
	size := gofpdf.SizeType{Wd: 210, Ht: 297}
	if o.PageSize == settings.Letter {
		size = gofpdf.SizeType{Wd: 215.9, Ht: 279.4}
	} else if o.PageSize != settings.A4 {
		return nil, fmt.Errorf("write report: %w: page size %q: choose A4 or Letter", ErrRender, o.PageSize)
	}
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: size})
	r := &renderer{
		pdf:    pdf,
		d:      d,
		o:      o,
		note:   note,
		left:   marginX,
		right:  size.Wd - marginX,
		width:  size.Wd - 2*marginX,
		bottom: size.Ht - footerHeight - 4,
	}
	r.fullBottom = r.bottom
	// Reproducible files: same data and date, same bytes.
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(o.Date)
	pdf.SetModificationDate(o.Date)
	pdf.SetTitle(oneLine(r.docTitle()+": "+d.Client.FullName()), true)
	subject := "Progress report, lower back pain treatment"
	switch {
	case note == nil && o.Document == ClientCopy:
		subject = "The client's copy of their record"
	case note == nil && o.Document == IntakeSummary:
		subject = "Intake summary: health history, red-flag screen and consent"
	case note != nil && o.Document == HomeProgramme:
		subject = "Home exercises"
	}
	pdf.SetSubject(subject, true)
	pdf.SetAuthor(oneLine(o.Practice.TherapistLine()), true)
	pdf.SetCreator("Backtrack", true)
	pdf.SetMargins(marginX, marginTop, marginX)
	pdf.SetCellMargin(0)
	// Breaks are placed by the renderer itself so rows and paragraphs split
	// where it chooses and the table header can follow.
	pdf.SetAutoPageBreak(false, 0)
	pdf.AliasNbPages("{nb}")
	registerFonts(pdf)
	r.lines = newPageText(pdf)
	pdf.SetHeaderFunc(r.pageHeader)
	pdf.SetFooterFunc(r.pageFooter)
	return r, nil
}

// newPage starts a page: running header, then whatever the running
// section needs repeated.
func (r *renderer) newPage() {
	r.pdf.AddPage()
	r.bottom = r.fullBottom
	if r.pdf.PageNo() == r.shortPage {
		r.bottom = max(r.fullBottom-r.shortBy, r.contentTop+lineHeight(bodyStyle.size)*4)
	}
	if r.onNewPage != nil {
		r.onNewPage()
	}
}

// ensure starts a new page unless h more millimetres fit on this one.
// It reports whether it did.
func (r *renderer) ensure(h float64) bool {
	if r.pdf.GetY()+h <= r.bottom {
		return false
	}
	r.newPage()
	return true
}

// space is the room left above the footer.
func (r *renderer) space() float64 { return r.bottom - r.pdf.GetY() }

// atPageTop reports whether nothing has been drawn below the header yet.
func (r *renderer) atPageTop() bool { return r.pdf.GetY() <= r.contentTop+0.01 }
