<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>ChannelCrops</name>
    <message>
        <location filename="../../gui/crop/editor.py" line="73"/>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <location filename="../../gui/crop/editor.py" line="73"/>
        <source>automatic</source>
        <translation>otomatis</translation>
    </message>
</context>
<context>
    <name>CropEditor</name>
    <message>
        <location filename="../../gui/crop/editor.py" line="94"/>
        <source>Crop area</source>
        <translation>Area potong</translation>
    </message>
    <message>
        <location filename="../../gui/crop/editor.py" line="102"/>
        <source>Shape</source>
        <translation>Bentuk</translation>
    </message>
    <message>
        <location filename="../../gui/crop/editor.py" line="106"/>
        <source>Set focal point</source>
        <translation>Tetapkan titik fokus</translation>
    </message>
    <message>
        <location filename="../../gui/crop/editor.py" line="108"/>
        <source>Then click the most important spot of the photo (F). Double-click the photo does the same.</source>
        <translation>Lalu klik bagian terpenting foto (F). Klik ganda pada foto juga bisa.</translation>
    </message>
    <message>
        <location filename="../../gui/crop/editor.py" line="111"/>
        <source>Reset to automatic</source>
        <translation>Kembalikan ke otomatis</translation>
    </message>
    <message>
        <location filename="../../gui/crop/editor.py" line="112"/>
        <source>Forget this channel&apos;s manual crop (Ctrl+Backspace)</source>
        <translation>Lupakan potongan manual kanal ini (Ctrl+Backspace)</translation>
    </message>
    <message>
        <location filename="../../gui/crop/editor.py" line="124"/>
        <source>Shape:</source>
        <translation>Bentuk:</translation>
    </message>
    <message>
        <location filename="../../gui/crop/editor.py" line="130"/>
        <source>Every channel&apos;s crop of this photo</source>
        <translation>Potongan foto ini di setiap kanal</translation>
    </message>
    <message>
        <location filename="../../gui/crop/editor.py" line="136"/>
        <source>Drag the box to move it, drag a corner to resize it, arrow keys nudge it (Shift: more), + and - make it larger or smaller.</source>
        <translation>Seret kotak untuk memindahkan, seret sudutnya untuk mengubah ukuran, tombol panah menggeser sedikit (Shift: lebih jauh), + dan - memperbesar atau memperkecil.</translation>
    </message>
    <message>
        <location filename="../../gui/crop/editor.py" line="173"/>
        <source>Crop for {channel}</source>
        <translation>Potongan untuk {channel}</translation>
    </message>
    <message>
        <location filename="../../gui/crop/editor.py" line="175"/>
        <source>Cannot open this image: {reason}</source>
        <translation>Gambar ini tidak bisa dibuka: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/crop/editor.py" line="218"/>
        <location filename="../../gui/crop/editor.py" line="236"/>
        <location filename="../../gui/crop/editor.py" line="242"/>
        <source>Manual crop for this channel.</source>
        <translation>Potongan manual untuk kanal ini.</translation>
    </message>
    <message>
        <location filename="../../gui/crop/editor.py" line="219"/>
        <source>Automatic: follows the focal point.</source>
        <translation>Otomatis: mengikuti titik fokus.</translation>
    </message>
    <message>
        <location filename="../../gui/crop/presets.py" line="25"/>
        <source>Original</source>
        <translation>Asli</translation>
    </message>
</context>
<context>
    <name>LinkCard</name>
    <message>
        <location filename="../../gui/previews/linkcard.py" line="56"/>
        <source>Title and picture come from the page</source>
        <translation>Judul dan gambar diambil dari halamannya</translation>
    </message>
</context>
<context>
    <name>PlatformCard</name>
    <message>
        <location filename="../../gui/previews/rules.py" line="61"/>
        <location filename="../../gui/previews/rules.py" line="104"/>
        <source>1m</source>
        <translation>1 mnt</translation>
    </message>
    <message>
        <location filename="../../gui/previews/rules.py" line="74"/>
        <source>See more</source>
        <translation>Lihat selengkapnya</translation>
    </message>
    <message>
        <location filename="../../gui/previews/rules.py" line="75"/>
        <source>more</source>
        <translation>selengkapnya</translation>
    </message>
    <message>
        <location filename="../../gui/previews/rules.py" line="76"/>
        <source>Read more</source>
        <translation>Baca selengkapnya</translation>
    </message>
    <message>
        <location filename="../../gui/previews/rules.py" line="77"/>
        <source>Show More</source>
        <translation>Tampilkan Lebih Banyak</translation>
    </message>
    <message>
        <location filename="../../gui/previews/rules.py" line="78"/>
        <source>Like</source>
        <translation>Suka</translation>
    </message>
    <message>
        <location filename="../../gui/previews/rules.py" line="79"/>
        <source>Comment</source>
        <translation>Komentari</translation>
    </message>
    <message>
        <location filename="../../gui/previews/rules.py" line="80"/>
        <source>Share</source>
        <translation>Bagikan</translation>
    </message>
    <message>
        <location filename="../../gui/previews/rules.py" line="81"/>
        <source>Repost</source>
        <translation>Posting ulang</translation>
    </message>
    <message>
        <location filename="../../gui/previews/rules.py" line="82"/>
        <source>Send</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <location filename="../../gui/previews/rules.py" line="120"/>
        <source>Just now · 🌐</source>
        <translation>Baru saja · 🌐</translation>
    </message>
    <message>
        <location filename="../../gui/previews/rules.py" line="139"/>
        <source>Now • 🌐</source>
        <translation>Sekarang • 🌐</translation>
    </message>
    <message>
        <location filename="../../gui/previews/rules.py" line="167"/>
        <source>No views · just now</source>
        <translation>Belum ditonton · baru saja</translation>
    </message>
    <message>
        <location filename="../../gui/previews/rules.py" line="175"/>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
</context>
<context>
    <name>PreviewCard</name>
    <message>
        <location filename="../../gui/previews/card.py" line="73"/>
        <source>Approximate: {name} may draw this slightly differently.</source>
        <translation>Perkiraan: tampilan di {name} bisa sedikit berbeda.</translation>
    </message>
    <message>
        <location filename="../../gui/previews/card.py" line="150"/>
        <source>Images on {channel}: press Enter to adjust the crop</source>
        <translation>Gambar di {channel}: tekan Enter untuk mengatur potongan</translation>
    </message>
    <message>
        <location filename="../../gui/previews/card.py" line="313"/>
        <source>{over} over the limit of {limit}</source>
        <translation>Lebih {over} dari batas {limit}</translation>
    </message>
    <message>
        <location filename="../../gui/previews/card.py" line="317"/>
        <source>thread of {n}</source>
        <translation>utas {n} bagian</translation>
    </message>
    <message>
        <location filename="../../gui/previews/card.py" line="327"/>
        <source>Needs at least one image to post here.</source>
        <translation>Perlu paling sedikit satu gambar untuk diunggah di sini.</translation>
    </message>
    <message>
        <location filename="../../gui/previews/card.py" line="328"/>
        <source>Needs at least {n} images to post here.</source>
        <translation>Perlu paling sedikit {n} gambar untuk diunggah di sini.</translation>
    </message>
    <message>
        <location filename="../../gui/previews/card.py" line="332"/>
        <source>Takes videos only: the images will not be posted here.</source>
        <translation>Hanya menerima video: gambar tidak akan diunggah di sini.</translation>
    </message>
    <message>
        <location filename="../../gui/previews/card.py" line="333"/>
        <source>Takes no images: they will not be posted here.</source>
        <translation>Tidak menerima gambar: gambar tidak akan diunggah di sini.</translation>
    </message>
    <message>
        <location filename="../../gui/previews/card.py" line="334"/>
        <source>Takes at most {max} images: the others will not be posted here.</source>
        <translation>Paling banyak {max} gambar: sisanya tidak akan diunggah di sini.</translation>
    </message>
    <message>
        <location filename="../../gui/previews/card.py" line="379"/>
        <source>…and {n} more</source>
        <translation>…dan {n} lainnya</translation>
    </message>
    <message>
        <location filename="../../gui/previews/card.py" line="390"/>
        <source>Reply {n}/{total}</source>
        <translation>Balasan {n}/{total}</translation>
    </message>
</context>
<context>
    <name>PreviewsPanel</name>
    <message>
        <location filename="../../gui/previews/panel.py" line="62"/>
        <source>Previews are approximate: each network may draw posts slightly differently. Click an image to adjust its crop.</source>
        <translation>Pratinjau ini perkiraan: tiap jaringan bisa menampilkan unggahan sedikit berbeda. Klik gambar untuk mengatur potongannya.</translation>
    </message>
    <message>
        <location filename="../../gui/previews/panel.py" line="69"/>
        <source>Phone</source>
        <translation>Ponsel</translation>
    </message>
    <message>
        <location filename="../../gui/previews/panel.py" line="69"/>
        <source>Desktop</source>
        <translation>Komputer</translation>
    </message>
    <message>
        <location filename="../../gui/previews/panel.py" line="74"/>
        <source>How wide the feed is: where long text folds depends on it</source>
        <translation>Lebar lini masa: letak pemotongan teks panjang bergantung padanya</translation>
    </message>
    <message>
        <location filename="../../gui/previews/panel.py" line="82"/>
        <source>Channel previews</source>
        <translation>Pratinjau kanal</translation>
    </message>
    <message>
        <location filename="../../gui/previews/panel.py" line="89"/>
        <source>Choose channels to see how the post will look on each.</source>
        <translation>Pilih kanal untuk melihat tampilan unggahan di masing-masing kanal.</translation>
    </message>
    <message>
        <location filename="../../gui/previews/panel.py" line="114"/>
        <source>Preview for {channel}</source>
        <translation>Pratinjau untuk {channel}</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../gui/templates/editor.py" line="75"/>
        <source>Template</source>
        <translation>Templat</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="79"/>
        <source>Layers</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="84"/>
        <source>Save as new template…</source>
        <translation>Simpan sebagai templat baru…</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="86"/>
        <source>Use this template</source>
        <translation>Pakai templat ini</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="93"/>
        <source>Template:</source>
        <translation>Templat:</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="95"/>
        <source>Placeholders</source>
        <translation>Isian</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="99"/>
        <source>Layers (🔒 locked ones stay put)</source>
        <translation>Lapisan (🔒 yang terkunci tidak bisa dipindah)</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="112"/>
        <source>Template canvas</source>
        <translation>Kanvas templat</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="127"/>
        <source>Show {shape} large</source>
        <translation>Tampilkan {shape} besar</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="138"/>
        <source>Every shape, side by side (click one to edit it large):</source>
        <translation>Semua bentuk berdampingan (klik salah satu untuk menyuntingnya dalam ukuran besar):</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="207"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="207"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="207"/>
        <source>Handle</source>
        <translation>Akun</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="208"/>
        <source>Office</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="208"/>
        <source>Quote</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="208"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="248"/>
        <source>The layer &apos;{layer}&apos; is locked: it keeps its place in every shape.</source>
        <translation>Lapisan &apos;{layer}&apos; terkunci: posisinya tetap di setiap bentuk.</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="281"/>
        <source>Rendering…</source>
        <translation>Sedang menggambar…</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="296"/>
        <source>The photo cannot be shown: {reason}</source>
        <translation>Foto tidak bisa ditampilkan: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="318"/>
        <source>Give the new template a name.</source>
        <translation>Beri nama templat baru.</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="321"/>
        <source>A template called &apos;{name}&apos; already exists.</source>
        <translation>Templat bernama &apos;{name}&apos; sudah ada.</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="331"/>
        <source>Saved as &apos;{name}&apos;.</source>
        <translation>Disimpan sebagai &apos;{name}&apos;.</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="335"/>
        <source>Save as new template</source>
        <translation>Simpan sebagai templat baru</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="335"/>
        <source>Name:</source>
        <translation>Nama:</translation>
    </message>
    <message>
        <location filename="../../gui/templates/editor.py" line="343"/>
        <source>Save your changes as a new template to use them.</source>
        <translation>Simpan perubahan sebagai templat baru untuk memakainya.</translation>
    </message>
</context>
</TS>
