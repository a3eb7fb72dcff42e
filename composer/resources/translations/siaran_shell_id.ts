<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AccountForm</name>
    <message>
        <source>Add an account</source>
        <translation>Tambah akun</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nama akun</translation>
    </message>
    <message>
        <source>e.g. portal, x-humas</source>
        <translation>mis. portal, x-humas</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>&amp;Nama akun:</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in Siaran&apos;s files</source>
        <translation>Disimpan di keyring sistem, tidak pernah di berkas Siaran</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>(opsional)</translation>
    </message>
    <message>
        <source>This channel needs no sign-in.</source>
        <translation>Kanal ini tidak memerlukan masuk akun.</translation>
    </message>
    <message>
        <source>Siaran opens {platform} in your browser: sign in there and allow access. Nothing is saved until you have.</source>
        <translation>Siaran membuka {platform} di peramban: masuk di sana lalu izinkan akses. Tidak ada yang disimpan sebelum Anda selesai.</translation>
    </message>
    <message>
        <source>Sign in with the &amp;browser</source>
        <translation>Masuk lewat &amp;peramban</translation>
    </message>
    <message>
        <source>Siaran checks these with {platform} before saving: a wrong password is never saved.</source>
        <translation>Siaran memeriksa data ini ke {platform} sebelum menyimpan: kata sandi yang salah tidak akan pernah disimpan.</translation>
    </message>
    <message>
        <source>Check and &amp;save</source>
        <translation>Periksa dan &amp;simpan</translation>
    </message>
    <message>
        <source>Signing in to {platform}…</source>
        <translation>Masuk ke {platform}…</translation>
    </message>
    <message>
        <source>Checking with {platform}…</source>
        <translation>Memeriksa ke {platform}…</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts and channels</source>
        <translation>Akun dan kanal</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>&amp;Tambah akun…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Channels found</source>
        <translation>Kanal yang ditemukan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>practice</source>
        <translation>latihan</translation>
    </message>
    <message>
        <source>account</source>
        <translation>akun</translation>
    </message>
    <message>
        <source>No accounts yet. Add one to publish beyond the folder.</source>
        <translation>Belum ada akun. Tambahkan akun untuk menerbitkan selain ke folder.</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>siap</translation>
    </message>
    <message>
        <source>preview only (cannot publish yet)</source>
        <translation>pratinjau saja (belum bisa menerbitkan)</translation>
    </message>
    <message>
        <source>failed to load: {error}</source>
        <translation>gagal dimuat: {error}</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Hapus akun</translation>
    </message>
    <message>
        <source>Remove the account &apos;{name}&apos; and its saved sign-in from the keyring?</source>
        <translation>Hapus akun &apos;{name}&apos; beserta data masuknya dari keyring?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Biarkan</translation>
    </message>
    <message>
        <source>Whose</source>
        <translation>Milik</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Masa masuk</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>&amp;Periksa lagi</translation>
    </message>
    <message>
        <source>Ask the platform again whose account this is and whether the saved sign-in still works</source>
        <translation>Tanyakan lagi kepada platform akun milik siapa ini dan apakah data masuk yang tersimpan masih berlaku</translation>
    </message>
    <message>
        <source>(not checked yet)</source>
        <translation>(belum diperiksa)</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>tanpa batas waktu</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>Memeriksa {name}…</translation>
    </message>
    <message>
        <source>{name} works: {whose}.</source>
        <translation>{name} berfungsi: {whose}.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Pengaturan</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Utama</translation>
    </message>
    <message>
        <source>Remove the selected image</source>
        <translation>Hapus gambar yang dipilih</translation>
    </message>
    <message>
        <source>Move the selected image</source>
        <translation>Pindahkan gambar yang dipilih</translation>
    </message>
    <message>
        <source>Next field</source>
        <translation>Isian berikutnya</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan papan ketik</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Jendela</translation>
    </message>
    <message>
        <source>Crop editor</source>
        <translation>Penyunting potongan</translation>
    </message>
    <message>
        <source>Template editor</source>
        <translation>Penyunting templat</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Perintah</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tombol</translation>
    </message>
</context>
<context>
    <name>AltCounter</name>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n karakter</numerusform>
        </translation>
    </message>
    <message>
        <source>Alt text too long for {channels}</source>
        <translation>Teks alternatif terlalu panjang untuk {channels}</translation>
    </message>
    <message numerus="yes">
        <source>Alt text length: %n character(s)</source>
        <translation>
            <numerusform>Panjang teks alternatif: %n karakter</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>Jejak audit</translation>
    </message>
    <message>
        <source>The trail was tampered with: {reasons}</source>
        <translation>Jejak audit telah diubah: {reasons}</translation>
    </message>
    <message>
        <source>The trail is whole: no entry was changed, removed or reordered.</source>
        <translation>Jejak audit utuh: tidak ada catatan yang diubah, dihapus, atau ditukar urutannya.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>&amp;Recheck the platforms</source>
        <translation>&amp;Periksa ulang di platform</translation>
    </message>
    <message>
        <source>Ask each platform whether each published post is still there, unchanged</source>
        <translation>Tanyakan ke setiap platform apakah setiap unggahan yang terbit masih ada dan tidak berubah</translation>
    </message>
    <message>
        <source>Asking the platforms…</source>
        <translation>Menanyakan ke platform…</translation>
    </message>
    <message>
        <source>Nothing published yet: nothing to recheck</source>
        <translation>Belum ada yang terbit: tidak ada yang perlu diperiksa ulang</translation>
    </message>
</context>
<context>
    <name>ChannelCrops</name>
    <message>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>otomatis</translation>
    </message>
</context>
<context>
    <name>ChannelDetails</name>
    <message>
        <source>Title for {channel}</source>
        <translation>Judul untuk {channel}</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Judul:</translation>
    </message>
    <message>
        <source>(the channel&apos;s default)</source>
        <translation>(bawaan kanal)</translation>
    </message>
    <message>
        <source>Same as the master title</source>
        <translation>Sama dengan judul utama</translation>
    </message>
</context>
<context>
    <name>ChannelPicker</name>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Practice channels</source>
        <translation>Kanal latihan</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Preview only (no account)</source>
        <translation>Pratinjau saja (tanpa akun)</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>Akun…</translation>
    </message>
    <message>
        <source>Manage accounts</source>
        <translation>Kelola akun</translation>
    </message>
    <message>
        <source>Channels to publish to</source>
        <translation>Kanal tujuan penerbitan</translation>
    </message>
    <message>
        <source>No account yet: shown for preview, not published</source>
        <translation>Belum ada akun: ditampilkan sebagai pratinjau, tidak diterbitkan</translation>
    </message>
</context>
<context>
    <name>ChannelTextPanel</name>
    <message>
        <source>Follow master</source>
        <translation>Ikuti teks utama</translation>
    </message>
    <message>
        <source>Drop this channel&apos;s own text and use the master text again</source>
        <translation>Buang teks khusus kanal ini dan pakai lagi teks utama</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Text for this channel</source>
        <translation>Teks untuk kanal ini</translation>
    </message>
    <message>
        <source>Thread parts</source>
        <translation>Bagian utas</translation>
    </message>
    <message>
        <source>Posted as a thread:</source>
        <translation>Diterbitkan sebagai utas:</translation>
    </message>
    <message>
        <source>Choose channels to see their text here.</source>
        <translation>Pilih kanal untuk melihat teksnya di sini.</translation>
    </message>
    <message>
        <source>Text for {channel}</source>
        <translation>Teks untuk {channel}</translation>
    </message>
    <message>
        <source>Follows the master text</source>
        <translation>Mengikuti teks utama</translation>
    </message>
    <message>
        <source>Edited for this channel; the master text no longer changes it</source>
        <translation>Disunting khusus kanal ini; teks utama tidak lagi mengubahnya</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>tanpa batas</translation>
    </message>
    <message>
        <source>{used} of {limit} ({unit})</source>
        <translation>{used} dari {limit} ({unit})</translation>
    </message>
    <message>
        <source>Beyond {channel}&apos;s limit</source>
        <translation>Melewati batas {channel}</translation>
    </message>
    <message>
        <source>Description for {channel}</source>
        <translation>Deskripsi untuk {channel}</translation>
    </message>
    <message>
        <source>Drop the text written for {channel} and use the master text again?</source>
        <translation>Buang teks yang ditulis khusus untuk {channel} dan pakai lagi teks utama?</translation>
    </message>
    <message>
        <source>Drop and follow master</source>
        <translation>Buang dan ikuti teks utama</translation>
    </message>
    <message>
        <source>Keep this text</source>
        <translation>Pertahankan teks ini</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <source>Update (edit it in place)</source>
        <translation>Perbarui (sunting di tempatnya)</translation>
    </message>
    <message>
        <source>Replace (delete it, publish the new one)</source>
        <translation>Ganti (hapus, lalu terbitkan yang baru)</translation>
    </message>
    <message>
        <source>Post as new (the old one stays)</source>
        <translation>Terbitkan sebagai baru (yang lama tetap ada)</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Diganti</translation>
    </message>
    <message>
        <source>Posted as new</source>
        <translation>Diterbitkan sebagai baru</translation>
    </message>
    <message>
        <source>Already published, nothing sent: {link}</source>
        <translation>Sudah diterbitkan, tidak ada yang dikirim: {link}</translation>
    </message>
    <message>
        <source>Already published, nothing sent.</source>
        <translation>Sudah diterbitkan, tidak ada yang dikirim.</translation>
    </message>
    <message>
        <source>Changed since published; nothing sent yet. Choose below.</source>
        <translation>Berubah sejak diterbitkan; belum ada yang dikirim. Pilih di bawah.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Changed since published&lt;/b&gt; — nothing was sent to these channels. Choose per channel:</source>
        <translation>&lt;b&gt;Berubah sejak diterbitkan&lt;/b&gt; — tidak ada yang dikirim ke kanal ini. Pilih per kanal:</translation>
    </message>
    <message>
        <source>Carry out the choices</source>
        <translation>Jalankan pilihan</translation>
    </message>
</context>
<context>
    <name>CounterBar</name>
    <message numerus="yes">
        <source>%n part(s)</source>
        <translation>
            <numerusform>%n bagian</numerusform>
        </translation>
    </message>
    <message>
        <source>{channel}: {used} of {limit}</source>
        <translation>{channel}: {used} dari {limit}</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>tanpa batas</translation>
    </message>
    <message>
        <source>{over} over the limit</source>
        <translation>{over} melewati batas</translation>
    </message>
</context>
<context>
    <name>CropEditor</name>
    <message>
        <source>Crop area</source>
        <translation>Area potong</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Bentuk</translation>
    </message>
    <message>
        <source>Whole picture</source>
        <translation>Gambar utuh</translation>
    </message>
    <message>
        <source>Crop to the shape</source>
        <translation>Potong sesuai bentuk</translation>
    </message>
    <message>
        <source>Whole picture, plain background</source>
        <translation>Gambar utuh, latar polos</translation>
    </message>
    <message>
        <source>Whole picture, blurred background</source>
        <translation>Gambar utuh, latar buram</translation>
    </message>
    <message>
        <source>Set focal point</source>
        <translation>Tetapkan titik fokus</translation>
    </message>
    <message>
        <source>Then click the most important spot of the photo (F). Double-click the photo does the same.</source>
        <translation>Lalu klik bagian terpenting foto (F). Klik ganda pada foto juga bisa.</translation>
    </message>
    <message>
        <source>Reset to automatic</source>
        <translation>Kembali ke otomatis</translation>
    </message>
    <message>
        <source>Set the focal point, then click the photo</source>
        <translation>Tetapkan titik fokus, lalu klik foto</translation>
    </message>
    <message>
        <source>Nudge the box (Shift: more)</source>
        <translation>Geser kotak sedikit (Shift: lebih jauh)</translation>
    </message>
    <message>
        <source>Larger / smaller box</source>
        <translation>Perbesar / perkecil kotak</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Forget this channel&apos;s manual crop (Ctrl+Backspace)</source>
        <translation>Lupakan potongan manual kanal ini (Ctrl+Backspace)</translation>
    </message>
    <message>
        <source>Shape:</source>
        <translation>Bentuk:</translation>
    </message>
    <message>
        <source>Fit:</source>
        <translation>Penyesuaian:</translation>
    </message>
    <message>
        <source>Every channel&apos;s crop of this photo</source>
        <translation>Potongan foto ini di setiap kanal</translation>
    </message>
    <message>
        <source>Drag the box to move it, drag a corner to resize it, arrow keys nudge it (Shift: more), + and - make it larger or smaller.</source>
        <translation>Seret kotak untuk memindahkannya, seret sudut untuk mengubah ukurannya, tombol panah menggesernya (Shift: lebih jauh), + dan - memperbesar atau memperkecilnya.</translation>
    </message>
    <message>
        <source>Crop for {channel}</source>
        <translation>Potong untuk {channel}</translation>
    </message>
    <message>
        <source>Cannot open this image: {reason}</source>
        <translation>Gambar ini tidak dapat dibuka: {reason}</translation>
    </message>
    <message>
        <source>Manual crop for this channel.</source>
        <translation>Potongan manual untuk kanal ini.</translation>
    </message>
    <message>
        <source>Automatic: follows the focal point.</source>
        <translation>Otomatis: mengikuti titik fokus.</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Asli</translation>
    </message>
</context>
<context>
    <name>DraftModel</name>
    <message>
        <source>typing</source>
        <translation>ketikan</translation>
    </message>
    <message>
        <source>title</source>
        <translation>judul</translation>
    </message>
    <message>
        <source>channel choice</source>
        <translation>pilihan kanal</translation>
    </message>
    <message>
        <source>text for {channel}</source>
        <translation>teks untuk {channel}</translation>
    </message>
    <message>
        <source>{field} for {channel}</source>
        <translation>{field} untuk {channel}</translation>
    </message>
    <message>
        <source>Follow master for {channel}</source>
        <translation>ikuti teks utama untuk {channel}</translation>
    </message>
    <message>
        <source>crop for {channel}</source>
        <translation>potongan untuk {channel}</translation>
    </message>
    <message>
        <source>add image</source>
        <translation>tambah gambar</translation>
    </message>
    <message>
        <source>alt text</source>
        <translation>teks alternatif</translation>
    </message>
    <message>
        <source>focal point</source>
        <translation>titik fokus</translation>
    </message>
    <message>
        <source>whole picture</source>
        <translation>gambar utuh</translation>
    </message>
    <message>
        <source>captions</source>
        <translation>takarir</translation>
    </message>
    <message>
        <source>remove image</source>
        <translation>hapus gambar</translation>
    </message>
    <message>
        <source>image order</source>
        <translation>urutan gambar</translation>
    </message>
    <message>
        <source>template</source>
        <translation>templat</translation>
    </message>
</context>
<context>
    <name>DraftsController</name>
    <message>
        <source>&amp;New draft</source>
        <translation>Draf &amp;baru</translation>
    </message>
    <message>
        <source>&amp;Open draft…</source>
        <translation>&amp;Buka draf…</translation>
    </message>
    <message>
        <source>Database notice</source>
        <translation>Pemberitahuan basis data</translation>
    </message>
    <message>
        <source>Zoom &amp;event announcements…</source>
        <translation>Pengumuman acara &amp;Zoom…</translation>
    </message>
    <message numerus="yes">
        <source>%n announcement(s) scheduled.</source>
        <translation>
            <numerusform>%n pengumuman dijadwalkan.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>Open a post</source>
        <translation>Buka unggahan</translation>
    </message>
    <message>
        <source>&amp;Drafts</source>
        <translation>&amp;Draf</translation>
    </message>
    <message>
        <source>&amp;Published</source>
        <translation>&amp;Terbit</translation>
    </message>
    <message>
        <source>&amp;Archived</source>
        <translation>&amp;Arsip</translation>
    </message>
    <message>
        <source>Posts, newest first</source>
        <translation>Unggahan, terbaru di atas</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Buka</translation>
    </message>
    <message>
        <source>D&amp;uplicate as new</source>
        <translation>&amp;Gandakan sebagai baru</translation>
    </message>
    <message>
        <source>Arc&amp;hive</source>
        <translation>Ar&amp;sipkan</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Pulihkan</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(tanpa judul)</translation>
    </message>
    <message>
        <source>No drafts. A new draft starts with File ▸ New.</source>
        <translation>Belum ada draf. Draf baru dibuat lewat Berkas ▸ Draf baru.</translation>
    </message>
    <message>
        <source>Nothing published yet.</source>
        <translation>Belum ada yang terbit.</translation>
    </message>
    <message>
        <source>Nothing archived.</source>
        <translation>Belum ada yang diarsipkan.</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Hapus draf</translation>
    </message>
    <message>
        <source>Delete “{title}” and its saved versions? This cannot be undone.</source>
        <translation>Hapus “{title}” beserta versi tersimpannya? Tindakan ini tidak dapat dibatalkan.</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ulangi</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Urungkan {what}</translation>
    </message>
    <message>
        <source>&amp;Redo {what}</source>
        <translation>&amp;Ulangi {what}</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <source>Zoom event announcements</source>
        <translation>Pengumuman acara Zoom</translation>
    </message>
    <message>
        <source>Bahasa Indonesia and English</source>
        <translation>Bahasa Indonesia dan Inggris</translation>
    </message>
    <message>
        <source>Bahasa Indonesia</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Bahasa Inggris</translation>
    </message>
    <message>
        <source>Save the date (a week ahead, 09.00)</source>
        <translation>Catat tanggalnya (seminggu sebelumnya, pukul 09.00)</translation>
    </message>
    <message>
        <source>The day before, at the event&apos;s hour</source>
        <translation>Sehari sebelumnya, pada jam acara</translation>
    </message>
    <message>
        <source>Starting now</source>
        <translation>Dimulai sekarang</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Judul:</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Mulai:</translation>
    </message>
    <message>
        <source>Zoom &amp;link:</source>
        <translation>&amp;Tautan Zoom:</translation>
    </message>
    <message>
        <source>&amp;Meeting ID:</source>
        <translation>ID &amp;rapat:</translation>
    </message>
    <message>
        <source>&amp;Passcode:</source>
        <translation>&amp;Kode sandi:</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>&amp;Bahasa:</translation>
    </message>
    <message>
        <source>Announcements:</source>
        <translation>Pengumuman:</translation>
    </message>
    <message>
        <source>&amp;Channels:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>The passcode is printed in the posts: whoever reads them can join.</source>
        <translation>Kode sandi ikut tercetak di unggahan: siapa pun yang membacanya dapat bergabung.</translation>
    </message>
    <message>
        <source>&amp;Schedule the announcements</source>
        <translation>&amp;Jadwalkan pengumuman</translation>
    </message>
    <message>
        <source>Save the date</source>
        <translation>Catat tanggalnya</translation>
    </message>
    <message>
        <source>The day before</source>
        <translation>Sehari sebelumnya</translation>
    </message>
    <message>
        <source>Scheduled:</source>
        <translation>Terjadwal:</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>(no text)</source>
        <translation>(tanpa teks)</translation>
    </message>
    <message>
        <source>No account: add one under Accounts to publish here.</source>
        <translation>Tidak ada akun: tambahkan di Akun untuk menerbitkan di sini.</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message>
        <source>No governance findings: no personal data, classification marks or withheld terms found.</source>
        <translation>Tidak ada temuan tata kelola: tidak ditemukan data pribadi, tanda klasifikasi, atau istilah yang dikecualikan.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n temuan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) publishing</source>
        <translation>
            <numerusform>%n menghalangi penerbitan</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>Samarkan</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Perbaiki</translation>
    </message>
    <message>
        <source>Replace with: {fix}</source>
        <translation>Ganti dengan: {fix}</translation>
    </message>
    <message>
        <source>Remove it from the text</source>
        <translation>Hapus dari teks</translation>
    </message>
</context>
<context>
    <name>GovernanceController</name>
    <message>
        <source>&amp;Governance…</source>
        <translation>&amp;Tata kelola…</translation>
    </message>
    <message>
        <source>Request &amp;approval…</source>
        <translation>Minta &amp;persetujuan…</translation>
    </message>
    <message>
        <source>&amp;Import approval…</source>
        <translation>&amp;Impor persetujuan…</translation>
    </message>
    <message>
        <source>Re&amp;view a package for approval…</source>
        <translation>&amp;Telaah paket persetujuan…</translation>
    </message>
    <message>
        <source>Crisis &amp;hold…</source>
        <translation>Pena&amp;hanan krisis…</translation>
    </message>
    <message>
        <source>Au&amp;dit trail</source>
        <translation>Jejak au&amp;dit</translation>
    </message>
    <message>
        <source>Release the crisis &amp;hold…</source>
        <translation>Cabut pena&amp;hanan krisis…</translation>
    </message>
    <message>
        <source>A crisis hold is in force: nothing is published until it is released.</source>
        <translation>Penahanan krisis berlaku: tidak ada yang diterbitkan sampai penahanan dicabut.</translation>
    </message>
    <message>
        <source>Approval needed</source>
        <translation>Perlu persetujuan</translation>
    </message>
    <message>
        <source>Request approval…</source>
        <translation>Minta persetujuan…</translation>
    </message>
    <message>
        <source>Import approval…</source>
        <translation>Impor persetujuan…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Choose the channels first: an approval binds where the post goes.</source>
        <translation>Pilih kanal terlebih dahulu: persetujuan mengikat ke mana postingan terbit.</translation>
    </message>
    <message>
        <source>Save the review package</source>
        <translation>Simpan paket telaah</translation>
    </message>
    <message>
        <source>Review package (*{suffix});;All files (*)</source>
        <translation>Paket telaah (*{suffix});;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Review package {package} and sign-off sheet {sheet} written: send them to the approver</source>
        <translation>Paket telaah {package} dan lembar paraf {sheet} sudah ditulis: kirimkan kepada pemberi persetujuan</translation>
    </message>
    <message>
        <source>Open a review package</source>
        <translation>Buka paket telaah</translation>
    </message>
    <message>
        <source>Import approval</source>
        <translation>Impor persetujuan</translation>
    </message>
    <message>
        <source>Paste the approval line from the chat, or leave this empty to open the decision file:</source>
        <translation>Tempelkan baris persetujuan dari obrolan, atau biarkan kosong untuk membuka berkas keputusan:</translation>
    </message>
    <message>
        <source>Open the decision</source>
        <translation>Buka keputusan</translation>
    </message>
    <message>
        <source>Decision (*.json)</source>
        <translation>Keputusan (*.json)</translation>
    </message>
    <message>
        <source>{approver} approved the post</source>
        <translation>{approver} menyetujui postingan</translation>
    </message>
    <message>
        <source>{approver} rejected the post: {comment}</source>
        <translation>{approver} menolak postingan: {comment}</translation>
    </message>
    <message>
        <source>Crisis hold</source>
        <translation>Penahanan krisis</translation>
    </message>
    <message>
        <source>Everything scheduled stops, here and on the platforms, until released.
Reason:</source>
        <translation>Semua yang terjadwal berhenti, di sini dan di platform, sampai penahanan dicabut.
Alasan:</translation>
    </message>
    <message numerus="yes">
        <source>Crisis hold in force: %n scheduled post(s) taken off the platforms&apos; schedules</source>
        <translation>
            <numerusform>Penahanan krisis berlaku: %n postingan terjadwal dikeluarkan dari jadwal platform</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The crisis hold is released: %n post(s) scheduled again</source>
        <translation>
            <numerusform>Penahanan krisis dicabut: %n postingan dijadwalkan kembali</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GovernanceDialog</name>
    <message>
        <source>Governance</source>
        <translation>Tata kelola</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Aturan</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Daftar</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Persetujuan</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Import rule set…</source>
        <translation>Impor aturan…</translation>
    </message>
    <message>
        <source>Export rule set…</source>
        <translation>Ekspor aturan…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>How hard each rule is for this office. Block: the post cannot go out; warn: the officer should look; info: a note; off: not checked.</source>
        <translation>Seberapa tegas setiap aturan bagi kantor ini. Blokir: postingan tidak dapat terbit; peringatan: petugas perlu memeriksa; info: catatan; mati: tidak diperiksa.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Aturan</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Regulation</source>
        <translation>Dasar hukum</translation>
    </message>
    <message>
        <source>block</source>
        <translation>blokir</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>peringatan</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>off</source>
        <translation>mati</translation>
    </message>
    <message>
        <source>Finance office: warn on early plans for taxes, tariffs and rates (UU 14/2008 Pasal 17 huruf e)</source>
        <translation>Kantor keuangan: ingatkan rencana awal perubahan pajak, tarif, dan suku bunga (UU 14/2008 Pasal 17 huruf e)</translation>
    </message>
    <message>
        <source>Check Indonesian spelling</source>
        <translation>Periksa ejaan bahasa Indonesia</translation>
    </message>
    <message>
        <source>Withheld information (DIK) terms</source>
        <translation>Istilah informasi yang dikecualikan (DIK)</translation>
    </message>
    <message>
        <source>Older local classification marks</source>
        <translation>Tanda klasifikasi lama setempat</translation>
    </message>
    <message>
        <source>Hotlines allowed besides the office&apos;s numbers</source>
        <translation>Nomor layanan yang diizinkan selain nomor kantor</translation>
    </message>
    <message>
        <source>E-mail addresses or @domains allowed</source>
        <translation>Alamat surel atau @domain yang diizinkan</translation>
    </message>
    <message>
        <source>Candidates and parties (election periods)</source>
        <translation>Calon dan partai (masa pemilihan)</translation>
    </message>
    <message>
        <source>Words spelled right (names, local terms)</source>
        <translation>Kata yang ejaannya benar (nama, istilah setempat)</translation>
    </message>
    <message>
        <source>one per line</source>
        <translation>satu per baris</translation>
    </message>
    <message>
        <source>sosmed = media sosial (one per line)</source>
        <translation>sosmed = media sosial (satu per baris)</translation>
    </message>
    <message>
        <source>Office glossary</source>
        <translation>Glosarium kantor</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Mati</translation>
    </message>
    <message>
        <source>Required for all channels</source>
        <translation>Wajib untuk semua kanal</translation>
    </message>
    <message>
        <source>Required for chosen channels</source>
        <translation>Wajib untuk kanal tertentu</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Persetujuan</translation>
    </message>
    <message>
        <source>channel ids or account names, e.g. x, portal</source>
        <translation>id kanal atau nama akun, misalnya x, portal</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>days</source>
        <translation>hari</translation>
    </message>
    <message>
        <source>An approval stays valid</source>
        <translation>Persetujuan berlaku selama</translation>
    </message>
    <message>
        <source>Approvals needed (levels)</source>
        <translation>Persetujuan yang diperlukan (tingkat)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Kunci publik</translation>
    </message>
    <message>
        <source>Public key (ed25519:…)</source>
        <translation>Kunci publik (ed25519:…)</translation>
    </message>
    <message>
        <source>Add approver</source>
        <translation>Tambah pemberi persetujuan</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Hapus yang dipilih</translation>
    </message>
    <message>
        <source>Give the approver&apos;s name</source>
        <translation>Isikan nama pemberi persetujuan</translation>
    </message>
    <message>
        <source>e.g. Bali (Nyepi then holds posts)</source>
        <translation>misalnya Bali (Nyepi menahan postingan)</translation>
    </message>
    <message>
        <source>The office&apos;s province</source>
        <translation>Provinsi kantor</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>tahan</translation>
    </message>
    <message>
        <source>hint</source>
        <translation>catatan</translation>
    </message>
    <message>
        <source>(perkiraan)</source>
        <translation>(perkiraan)</translation>
    </message>
    <message>
        <source>first day, 2026-11-02</source>
        <translation>hari pertama, 2026-11-02</translation>
    </message>
    <message>
        <source>last day (optional)</source>
        <translation>hari terakhir (opsional)</translation>
    </message>
    <message>
        <source>Hari Berkabung Nasional</source>
        <translation>Hari Berkabung Nasional</translation>
    </message>
    <message>
        <source>Add day</source>
        <translation>Tambah hari</translation>
    </message>
    <message>
        <source>Name the channels that need approval</source>
        <translation>Sebutkan kanal yang memerlukan persetujuan</translation>
    </message>
    <message>
        <source>Export rule set</source>
        <translation>Ekspor aturan</translation>
    </message>
    <message>
        <source>Import rule set</source>
        <translation>Impor aturan</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>&lt;b&gt;Practice first.&lt;/b&gt; Settings ▸ Practice mode (Ctrl+Shift+P) adds practice channels on this computer. Publish to them as often as you like: nothing reaches the public.</source>
        <translation>&lt;b&gt;Mulai dengan latihan.&lt;/b&gt; Pengaturan ▸ Mode latihan (Ctrl+Shift+P) menambahkan kanal latihan di komputer ini. Terbitkan ke kanal itu sesering Anda mau: tidak ada yang sampai ke publik.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Set up the office.&lt;/b&gt; Settings ▸ Office profile: the office&apos;s name, logo and handle go on template images; its time zone (WIB, WITA or WIT) is used for every date and time.</source>
        <translation>&lt;b&gt;Atur profil kantor.&lt;/b&gt; Pengaturan ▸ Profil kantor: nama, logo, dan nama akun kantor dipasang pada gambar templat; zona waktunya (WIB, WITA, atau WIT) dipakai untuk setiap tanggal dan jam.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connect the channels.&lt;/b&gt; Settings ▸ Accounts (Ctrl+Shift+A): the office&apos;s WordPress site, X, Instagram, Facebook Page, Telegram and others. Passwords stay in the system keyring.</source>
        <translation>&lt;b&gt;Hubungkan kanal.&lt;/b&gt; Pengaturan ▸ Akun (Ctrl+Shift+A): situs WordPress kantor, X, Instagram, Halaman Facebook, Telegram, dan lainnya. Kata sandi tetap tersimpan di gantungan kunci sistem.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Write once.&lt;/b&gt; Type the post in the middle; the counters show each channel&apos;s limit and the previews on the right show how each channel will look.</source>
        <translation>&lt;b&gt;Tulis sekali.&lt;/b&gt; Ketik unggahan di bagian tengah; penghitung menunjukkan batas setiap kanal dan pratinjau di kanan menunjukkan tampilannya di setiap kanal.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Images.&lt;/b&gt; Add pictures (Ctrl+Shift+I); each channel gets the shape it shows best. A template (Ctrl+T) puts the office&apos;s branding and the post&apos;s date on them.</source>
        <translation>&lt;b&gt;Gambar.&lt;/b&gt; Tambahkan gambar (Ctrl+Shift+I); setiap kanal mendapat bentuk yang paling baik ditampilkannya. Templat (Ctrl+T) memasang identitas kantor dan tanggal unggahan pada gambar.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Publish.&lt;/b&gt; Ctrl+Enter lists the channels and asks before anything is sent; a schedule publishes later, at the time shown with its zone.</source>
        <translation>&lt;b&gt;Terbitkan.&lt;/b&gt; Ctrl+Enter menampilkan daftar kanal dan meminta konfirmasi sebelum apa pun dikirim; unggahan terjadwal terbit kemudian, pada jam yang ditampilkan beserta zonanya.</translation>
    </message>
    <message>
        <source>Getting started with Siaran</source>
        <translation>Memulai dengan Siaran</translation>
    </message>
    <message>
        <source>F1 lists every keyboard shortcut.</source>
        <translation>F1 menampilkan semua pintasan papan ketik.</translation>
    </message>
    <message>
        <source>Write once, publish everywhere: a post composer for public offices.</source>
        <translation>Tulis sekali, terbitkan di mana saja: penyusun unggahan untuk instansi pemerintah.</translation>
    </message>
    <message>
        <source>Libraries and fonts</source>
        <translation>Pustaka dan fon</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponen</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lisensi</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Panduan memulai</translation>
    </message>
    <message>
        <source>About Siaran</source>
        <translation>Tentang Siaran</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Published posts</source>
        <translation>Postingan yang diterbitkan</translation>
    </message>
    <message>
        <source>Post / channel</source>
        <translation>Postingan / kanal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Link or reason</source>
        <translation>Tautan atau alasan</translation>
    </message>
    <message>
        <source>Nothing published yet. Published posts appear here with a link per channel.</source>
        <translation>Belum ada yang diterbitkan. Postingan yang terbit muncul di sini dengan tautan per kanal.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>menunggu</translation>
    </message>
    <message>
        <source>images uploaded</source>
        <translation>gambar terunggah</translation>
    </message>
    <message>
        <source>published</source>
        <translation>terbit</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>gagal</translation>
    </message>
    <message>
        <source>unknown: check the channel</source>
        <translation>tidak pasti: periksa kanalnya</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>dihapus</translation>
    </message>
    <message>
        <source>posted by hand</source>
        <translation>diposting manual</translation>
    </message>
    <message>
        <source>published v{n} at {when}</source>
        <translation>diterbitkan v{n} pada {when}</translation>
    </message>
    <message>
        <source>updated v{n} at {when}</source>
        <translation>diperbarui v{n} pada {when}</translation>
    </message>
    <message>
        <source>replaced by v{n} at {when}</source>
        <translation>diganti dengan v{n} pada {when}</translation>
    </message>
    <message>
        <source>posted as new v{n} at {when}</source>
        <translation>diterbitkan sebagai baru v{n} pada {when}</translation>
    </message>
    <message>
        <source>deleted v{n} at {when}</source>
        <translation>dihapus v{n} pada {when}</translation>
    </message>
    <message>
        <source>{done} of {total} published</source>
        <translation>{done} dari {total} terbit</translation>
    </message>
    <message>
        <source>Sent by hand by {name}</source>
        <translation>Dikirim manual oleh {name}</translation>
    </message>
    <message>
        <source>Enter or double-click opens the link</source>
        <translation>Enter atau klik ganda membuka tautan</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Buka tautan</translation>
    </message>
    <message>
        <source>Unpublish (delete it there)</source>
        <translation>Batalkan terbit (hapus di sana)</translation>
    </message>
    <message>
        <source>This channel does not let Siaran delete posts; delete it there</source>
        <translation>Kanal ini tidak mengizinkan Siaran menghapus postingan; hapus langsung di sana</translation>
    </message>
    <message>
        <source>Search title, text or link…</source>
        <translation>Cari judul, teks, atau tautan…</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Cari di riwayat</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Dari</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Sampai</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Hapus saringan</translation>
    </message>
    <message>
        <source>Monthly &amp;report…</source>
        <translation>&amp;Laporan bulanan…</translation>
    </message>
    <message>
        <source>Save the month&apos;s posts per channel as a spreadsheet (.xlsx) or .csv</source>
        <translation>Simpan unggahan sebulan per kanal sebagai lembar kerja (.xlsx) atau .csv</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Terbit</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Dihapus</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>Belum selesai</translation>
    </message>
    <message>
        <source>Every channel</source>
        <translation>Semua kanal</translation>
    </message>
    <message>
        <source>Nothing matches these filters.</source>
        <translation>Tidak ada yang cocok dengan saringan ini.</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Salin tautan</translation>
    </message>
    <message>
        <source>Update…</source>
        <translation>Perbarui…</translation>
    </message>
    <message>
        <source>Publish again…</source>
        <translation>Terbitkan lagi…</translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation>Tautan disalin</translation>
    </message>
    <message numerus="yes">
        <source>Report saved: %n row(s) in {path}</source>
        <translation>
            <numerusform>Laporan tersimpan: %n baris di {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HoldBanner</name>
    <message>
        <source>CRISIS HOLD since {since}: {reason}. Nothing is published; scheduled posts were taken off the platforms&apos; schedules.</source>
        <translation>PENAHANAN KRISIS sejak {since}: {reason}. Tidak ada yang diterbitkan; postingan terjadwal dikeluarkan dari jadwal platform.</translation>
    </message>
    <message>
        <source>Release…</source>
        <translation>Cabut…</translation>
    </message>
</context>
<context>
    <name>ImageToolsController</name>
    <message>
        <source>Add &amp;images…</source>
        <translation>Tambah &amp;gambar…</translation>
    </message>
    <message>
        <source>&amp;Template…</source>
        <translation>&amp;Templat…</translation>
    </message>
    <message>
        <source>The image is still being prepared.</source>
        <translation>Gambar masih disiapkan.</translation>
    </message>
    <message>
        <source>Crop for {channel}</source>
        <translation>Potongan untuk {channel}</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Templat</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>Live</name>
    <message>
        <source>Too long for {channels}: the marked text does not fit.</source>
        <translation>Terlalu panjang untuk {channels}: teks yang ditandai tidak muat.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Loading channels…</source>
        <translation>Memuat kanal…</translation>
    </message>
    <message numerus="yes">
        <source>Resume publishing (%n unfinished)</source>
        <translation>
            <numerusform>Lanjutkan penerbitan (%n belum selesai)</numerusform>
        </translation>
    </message>
    <message>
        <source>Siaran</source>
        <translation>Siaran</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Perubahan belum disimpan</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Previews</source>
        <translation>&amp;Pratinjau</translation>
    </message>
    <message>
        <source>Text per &amp;channel</source>
        <translation>Teks per &amp;kanal</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Riwayat</translation>
    </message>
    <message>
        <source>&amp;Checks</source>
        <translation>Pe&amp;meriksaan</translation>
    </message>
    <message>
        <source>Go to the &amp;text</source>
        <translation>Ke &amp;teks</translation>
    </message>
    <message>
        <source>Go to the c&amp;hannels</source>
        <translation>Ke &amp;kanal</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Pintasan &amp;papan ketik</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Tersimpan {time}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Tersimpan</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Tidak tersimpan: {reason}</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Sedang bekerja…</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Postingan</translation>
    </message>
    <message>
        <source>Previews</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <source>Text per channel</source>
        <translation>Teks per kanal</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <source>Previews, per-channel text, history, queue and checks</source>
        <translation>Pratinjau, teks per kanal, riwayat, antrean, dan pemeriksaan</translation>
    </message>
    <message>
        <source>The draft could not be saved ({reason}). Close anyway and lose the latest changes?</source>
        <translation>Draf tidak dapat disimpan ({reason}). Tetap tutup dan kehilangan perubahan terakhir?</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>Tetap tutup</translation>
    </message>
    <message>
        <source>Keep open</source>
        <translation>Biarkan terbuka</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Antrean</translation>
    </message>
</context>
<context>
    <name>ManualRow</name>
    <message>
        <source>Copy &amp;text</source>
        <translation>Salin &amp;teks</translation>
    </message>
    <message>
        <source>Copy the text for {channel}</source>
        <translation>Salin teks untuk {channel}</translation>
    </message>
    <message>
        <source>Copy &amp;image</source>
        <translation>Salin &amp;gambar</translation>
    </message>
    <message>
        <source>Copy the image for {channel}</source>
        <translation>Salin gambar untuk {channel}</translation>
    </message>
    <message>
        <source>&amp;Open {channel}</source>
        <translation>&amp;Buka {channel}</translation>
    </message>
    <message>
        <source>Open {channel} with the text</source>
        <translation>Buka {channel} dengan teksnya</translation>
    </message>
    <message>
        <source>Sent &amp;by:</source>
        <translation>Dikirim &amp;oleh:</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>nama Anda</translation>
    </message>
    <message>
        <source>Name of the officer who sent it</source>
        <translation>Nama petugas yang mengirimnya</translation>
    </message>
    <message>
        <source>I &amp;sent it</source>
        <translation>&amp;Sudah saya kirim</translation>
    </message>
    <message>
        <source>I sent it on {channel}: record it</source>
        <translation>Sudah saya kirim di {channel}: catat</translation>
    </message>
    <message>
        <source>Send it by hand: copy the text and the image, open {channel}, choose the chat or channel and send; then press “I sent it”.</source>
        <translation>Kirim secara manual: salin teks dan gambarnya, buka {channel}, pilih obrolan atau saluran lalu kirim; kemudian tekan “Sudah saya kirim”.</translation>
    </message>
    <message>
        <source>Send it by hand: copy the text, open {channel}, choose the chat or channel and send; then press “I sent it”.</source>
        <translation>Kirim secara manual: salin teksnya, buka {channel}, pilih obrolan atau saluran lalu kirim; kemudian tekan “Sudah saya kirim”.</translation>
    </message>
    <message>
        <source>Could not open {channel}; copy the text and send it from the app.</source>
        <translation>{channel} tidak dapat dibuka; salin teksnya dan kirim dari aplikasinya.</translation>
    </message>
    <message>
        <source>Type your name first, so the history shows who sent it.</source>
        <translation>Ketik nama Anda dahulu, agar riwayat menunjukkan siapa yang mengirimnya.</translation>
    </message>
    <message>
        <source>Sent by hand by {name}</source>
        <translation>Dikirim manual oleh {name}</translation>
    </message>
</context>
<context>
    <name>MasterEditor</name>
    <message>
        <source>Title (portal, YouTube)</source>
        <translation>Judul (portal, YouTube)</translation>
    </message>
    <message>
        <source>Post title</source>
        <translation>Judul postingan</translation>
    </message>
    <message>
        <source>Write the announcement once; every channel follows it.</source>
        <translation>Tulis pengumuman sekali; semua kanal mengikutinya.</translation>
    </message>
    <message>
        <source>Post text</source>
        <translation>Teks postingan</translation>
    </message>
</context>
<context>
    <name>MediaStrip</name>
    <message>
        <source>Add images…</source>
        <translation>Tambah gambar…</translation>
    </message>
    <message>
        <source>Add images or a video (Ctrl+Shift+I); you can also drop them or paste images</source>
        <translation>Tambahkan gambar atau video (Ctrl+Shift+I); Anda juga dapat menjatuhkannya ke sini atau menempelkan gambar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Remove the selected image (Delete)</source>
        <translation>Hapus gambar yang dipilih (Delete)</translation>
    </message>
    <message>
        <source>Move earlier (Ctrl+Shift+Left)</source>
        <translation>Pindah ke depan (Ctrl+Shift+Kiri)</translation>
    </message>
    <message>
        <source>Move image earlier</source>
        <translation>Pindahkan gambar ke depan</translation>
    </message>
    <message>
        <source>Move later (Ctrl+Shift+Right)</source>
        <translation>Pindah ke belakang (Ctrl+Shift+Kanan)</translation>
    </message>
    <message>
        <source>Move image later</source>
        <translation>Pindahkan gambar ke belakang</translation>
    </message>
    <message>
        <source>Attached images</source>
        <translation>Gambar terlampir</translation>
    </message>
    <message>
        <source>Describe the selected image for people who cannot see it (alt text)</source>
        <translation>Jelaskan gambar yang dipilih untuk orang yang tidak dapat melihatnya (teks alternatif)</translation>
    </message>
    <message>
        <source>Alt text of the selected image</source>
        <translation>Teks alternatif gambar yang dipilih</translation>
    </message>
    <message>
        <source>Add images or a video</source>
        <translation>Tambahkan gambar atau video</translation>
    </message>
    <message>
        <source>Images and videos ({patterns})</source>
        <translation>Gambar dan video ({patterns})</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>Gambar ({patterns})</translation>
    </message>
    <message>
        <source>Videos ({patterns})</source>
        <translation>Video ({patterns})</translation>
    </message>
    <message>
        <source>Could not add the video: {reason}</source>
        <translation>Video tidak dapat ditambahkan: {reason}</translation>
    </message>
    <message>
        <source>Could not add the image: {reason}</source>
        <translation>Gambar tidak dapat ditambahkan: {reason}</translation>
    </message>
    <message>
        <source>Describe the video for people who cannot see it</source>
        <translation>Jelaskan isi video bagi orang yang tidak dapat melihatnya</translation>
    </message>
    <message>
        <source>no alt text</source>
        <translation>tanpa teks alt</translation>
    </message>
    <message>
        <source>This image has no alt text yet</source>
        <translation>Gambar ini belum punya teks alternatif</translation>
    </message>
    <message>
        <source>This video has no description yet</source>
        <translation>Video ini belum memiliki keterangan</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>No images. Drop, paste (Ctrl+V) or add them.</source>
        <translation>Belum ada gambar. Seret, tempel (Ctrl+V), atau tambahkan.</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n gambar</numerusform>
        </translation>
    </message>
    <message>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message numerus="yes">
        <source>adding %n…</source>
        <translation>
            <numerusform>menambahkan %n…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without alt text</source>
        <translation>
            <numerusform>%n tanpa teks alt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Siaran</source>
        <translation>Siaran</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>Office profile</source>
        <translation>Profil kantor</translation>
    </message>
    <message>
        <source>Templates put the office&apos;s name, logo and handle on images; every date and time is written in its time zone.</source>
        <translation>Templat memasang nama, logo, dan nama akun kantor pada gambar; setiap tanggal dan jam ditulis dalam zona waktunya.</translation>
    </message>
    <message>
        <source>Dinas Komunikasi dan Informatika Kabupaten …</source>
        <translation>Dinas Komunikasi dan Informatika Kabupaten …</translation>
    </message>
    <message>
        <source>Diskominfo …</source>
        <translation>Diskominfo …</translation>
    </message>
    <message>
        <source>a PNG with a transparent background</source>
        <translation>PNG berlatar transparan</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Pilih…</translation>
    </message>
    <message>
        <source>WIB (UTC+7): Sumatra, Java, West and Central Kalimantan</source>
        <translation>WIB (UTC+7): Sumatra, Jawa, Kalimantan Barat dan Tengah</translation>
    </message>
    <message>
        <source>WITA (UTC+8): Bali, Nusa Tenggara, Sulawesi, other Kalimantan</source>
        <translation>WITA (UTC+8): Bali, Nusa Tenggara, Sulawesi, Kalimantan lainnya</translation>
    </message>
    <message>
        <source>WIT (UTC+9): Maluku, Papua</source>
        <translation>WIT (UTC+9): Maluku, Papua</translation>
    </message>
    <message>
        <source>Same as the app</source>
        <translation>Sama dengan aplikasi</translation>
    </message>
    <message>
        <source>Office &amp;name:</source>
        <translation>&amp;Nama kantor:</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>Nama &amp;singkat:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logo:</translation>
    </message>
    <message>
        <source>Default &amp;handle:</source>
        <translation>Nama &amp;akun bawaan:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zona waktu:</translation>
    </message>
    <message>
        <source>Language of &amp;images and reports:</source>
        <translation>&amp;Bahasa gambar dan laporan:</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Choose the office logo</source>
        <translation>Pilih logo kantor</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Gambar (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>The profile could not be saved: {error}</source>
        <translation>Profil tidak dapat disimpan: {error}</translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n gambar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>a thread of %n part(s)</source>
        <translation>
            <numerusform>utas %n bagian</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) without alt text</source>
        <translation>
            <numerusform>%n gambar tanpa teks alternatif</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n kanal</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PostDetails</name>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>&amp;Tagar:</translation>
    </message>
    <message>
        <source>Lin&amp;ks:</source>
        <translation>Tau&amp;tan:</translation>
    </message>
    <message>
        <source>banjir, Sleman (commas or spaces; # optional)</source>
        <translation>banjir, Sleman (pisahkan dengan koma atau spasi; # boleh ditulis)</translation>
    </message>
    <message>
        <source>https://… (the first is the link card)</source>
        <translation>https://… (yang pertama menjadi kartu tautan)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tagar</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Tautan</translation>
    </message>
</context>
<context>
    <name>PostFileController</name>
    <message>
        <source>Open post &amp;file…</source>
        <translation>Buka berkas &amp;postingan…</translation>
    </message>
    <message>
        <source>Open post file</source>
        <translation>Buka berkas postingan</translation>
    </message>
    <message>
        <source>Post files and review packages ({patterns})</source>
        <translation>Berkas postingan dan paket telaah ({patterns})</translation>
    </message>
    <message>
        <source>Opening {file}…</source>
        <translation>Membuka {file}…</translation>
    </message>
    <message>
        <source>Opened {file}</source>
        <translation>{file} dibuka</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish</source>
        <translation>Terbitkan</translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation>&amp;Ulangi yang gagal</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Channels marked ✗ are not published: the reason is under each. The others go out.</source>
        <translation>Kanal bertanda ✗ tidak diterbitkan: alasannya ada di bawah masing-masing. Kanal lainnya tetap terbit.</translation>
    </message>
    <message numerus="yes">
        <source>Publish to %n channel(s)?</source>
        <translation>
            <numerusform>Terbitkan ke %n kanal?</numerusform>
        </translation>
    </message>
    <message>
        <source>No channel is chosen. Tick channels on the left first.</source>
        <translation>Belum ada kanal dipilih. Centang kanal di sebelah kiri dulu.</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Menerbitkan…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) to send by hand.</source>
        <translation>
            <numerusform>%n saluran perlu dikirim manual.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n channel(s) to send by hand.</source>
        <translation>
            <numerusform>Siap: %n saluran perlu dikirim manual.</numerusform>
        </translation>
    </message>
    <message>
        <source>Published everywhere.</source>
        <translation>Terbit di semua kanal.</translation>
    </message>
    <message>
        <source>Published to {ok}; {failed} did not go out.</source>
        <translation>Terbit di {ok}; {failed} tidak terkirim.</translation>
    </message>
    <message>
        <source>Cancelling… (what is already posted stays posted)</source>
        <translation>Membatalkan… (yang sudah terbit tetap terbit)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Publish to %n channel(s)</source>
        <translation>
            <numerusform>&amp;Terbitkan ke %n kanal</numerusform>
        </translation>
    </message>
    <message>
        <source>Scheduling for {time}…</source>
        <translation>Menjadwalkan untuk {time}…</translation>
    </message>
    <message>
        <source>Sent by hand or without an account: it cannot be scheduled; publish it at its time</source>
        <translation>Dikirim manual atau tanpa akun: tidak bisa dijadwalkan; terbitkan pada waktunya</translation>
    </message>
    <message>
        <source>held by {channel} until then</source>
        <translation>disimpan oleh {channel} sampai waktunya</translation>
    </message>
    <message>
        <source>Siaran sends it then</source>
        <translation>Siaran mengirimnya pada waktunya</translation>
    </message>
    <message>
        <source>Scheduled for {time}, {how}</source>
        <translation>Dijadwalkan untuk {time}, {how}</translation>
    </message>
    <message numerus="yes">
        <source>Scheduled to %n channel(s) for {time}.</source>
        <translation>
            <numerusform>Dijadwalkan ke %n kanal untuk {time}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Schedule to %n channel(s)?</source>
        <translation>
            <numerusform>Jadwalkan ke %n kanal?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Schedule to %n channel(s)</source>
        <translation>
            <numerusform>&amp;Jadwalkan ke %n kanal</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishRows</name>
    <message>
        <source>checking whether it is already there…</source>
        <translation>memeriksa apakah sudah ada…</translation>
    </message>
    <message>
        <source>posting…</source>
        <translation>memposting…</translation>
    </message>
    <message>
        <source>uploading images…</source>
        <translation>mengunggah gambar…</translation>
    </message>
    <message>
        <source>waiting before trying again…</source>
        <translation>menunggu sebelum mencoba lagi…</translation>
    </message>
    <message>
        <source>no answer; checking before trying again…</source>
        <translation>tidak ada jawaban; memeriksa sebelum mencoba lagi…</translation>
    </message>
    <message>
        <source>posted</source>
        <translation>terbit</translation>
    </message>
    <message>
        <source>editing the published post…</source>
        <translation>menyunting postingan yang sudah terbit…</translation>
    </message>
    <message>
        <source>deleting the old post…</source>
        <translation>menghapus postingan lama…</translation>
    </message>
    <message>
        <source>Publish to {channel}</source>
        <translation>Terbitkan ke {channel}</translation>
    </message>
    <message>
        <source>Progress for {channel}</source>
        <translation>Kemajuan untuk {channel}</translation>
    </message>
    <message>
        <source>waiting to start…</source>
        <translation>menunggu dimulai…</translation>
    </message>
    <message>
        <source>preparing the video… {percent}%</source>
        <translation>menyiapkan video… {percent}%</translation>
    </message>
    <message>
        <source>uploading the video… {percent}%</source>
        <translation>mengunggah video… {percent}%</translation>
    </message>
    <message>
        <source>Published: {link}</source>
        <translation>Terbit: {link}</translation>
    </message>
    <message>
        <source>Published.</source>
        <translation>Terbit.</translation>
    </message>
    <message>
        <source>It did not go out.</source>
        <translation>Tidak terkirim.</translation>
    </message>
</context>
<context>
    <name>PublishingController</name>
    <message>
        <source>&amp;Publish…</source>
        <translation>&amp;Terbitkan…</translation>
    </message>
    <message>
        <source>&amp;Resume publishing…</source>
        <translation>&amp;Lanjutkan penerbitan…</translation>
    </message>
    <message>
        <source>Nothing is waiting to be published.</source>
        <translation>Tidak ada yang menunggu diterbitkan.</translation>
    </message>
    <message>
        <source>The account {account} is no longer in Siaran.</source>
        <translation>Akun {account} sudah tidak ada di Siaran.</translation>
    </message>
</context>
<context>
    <name>QueueController</name>
    <message>
        <source>&amp;Queue and calendar</source>
        <translation>&amp;Antrean dan kalender</translation>
    </message>
    <message>
        <source>Keep sending scheduled posts from the &amp;tray when the window is closed</source>
        <translation>Tetap kirim postingan terjadwal dari &amp;baki sistem saat jendela ditutup</translation>
    </message>
    <message>
        <source>Siaran: scheduled posts</source>
        <translation>Siaran: postingan terjadwal</translation>
    </message>
    <message>
        <source>Siaran: publishing finished</source>
        <translation>Siaran: penerbitan selesai</translation>
    </message>
    <message>
        <source>Went out: {names}</source>
        <translation>Terkirim: {names}</translation>
    </message>
    <message>
        <source>Did not go out: {names}</source>
        <translation>Tidak terkirim: {names}</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>&amp;List</source>
        <translation>&amp;Daftar</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Minggu</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Bulan</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Sebelumnya</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Berikutnya</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Dikirim oleh</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Postingan</translation>
    </message>
    <message>
        <source>Scheduled posts</source>
        <translation>Postingan terjadwal</translation>
    </message>
    <message>
        <source>Nothing is scheduled. Tick &quot;Schedule for&quot; in the publish dialog (Ctrl+Enter) to put a post in the queue.</source>
        <translation>Belum ada yang dijadwalkan. Centang &quot;Jadwalkan pada&quot; di dialog terbitkan (Ctrl+Enter) untuk memasukkan postingan ke antrean.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Buka</translation>
    </message>
    <message>
        <source>&amp;Change time…</source>
        <translation>&amp;Ubah waktu…</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>&amp;Kirim sekarang</translation>
    </message>
    <message>
        <source>&amp;Unschedule</source>
        <translation>&amp;Batalkan jadwal</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>terjadwal</translation>
    </message>
    <message>
        <source>due</source>
        <translation>jatuh tempo</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>terlewat</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>sedang dikirim</translation>
    </message>
    <message>
        <source>published</source>
        <translation>terbit</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>gagal</translation>
    </message>
    <message>
        <source>Held by {channel} until its time</source>
        <translation>Disimpan oleh {channel} sampai waktunya</translation>
    </message>
    <message>
        <source>Siaran sends it at its time</source>
        <translation>Siaran mengirimnya pada waktunya</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) due within the hour (⏰).</source>
        <translation>
            <numerusform>%n postingan jatuh tempo dalam satu jam (⏰).</numerusform>
        </translation>
    </message>
    <message>
        <source>Change the time</source>
        <translation>Ubah waktu</translation>
    </message>
    <message>
        <source>Moved to {time}.</source>
        <translation>Dipindahkan ke {time}.</translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation>Terkirim.</translation>
    </message>
    <message>
        <source>Taken off the schedule.</source>
        <translation>Jadwal dibatalkan.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Monthly report</source>
        <translation>Laporan bulanan</translation>
    </message>
    <message>
        <source>One row per post and channel, with the date and time in the office&apos;s time zone, the link and who published it, and a summary per channel.</source>
        <translation>Satu baris per unggahan dan kanal, dengan tanggal dan jam menurut zona waktu kantor, tautan, dan siapa yang menerbitkan, ditambah ringkasan per kanal.</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Bulan:</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Simpan sebagai…</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>Simpan laporan bulanan</translation>
    </message>
    <message>
        <source>report-{month}.xlsx</source>
        <translation>laporan-{month}.xlsx</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>Lembar kerja (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <source>Resume publishing</source>
        <translation>Lanjutkan penerbitan</translation>
    </message>
    <message numerus="yes">
        <source>%n send(s) did not finish. Resume them now?</source>
        <translation>
            <numerusform>%n pengiriman belum selesai. Lanjutkan sekarang?</numerusform>
        </translation>
    </message>
    <message>
        <source>Siaran checks each channel first, so nothing is posted twice.</source>
        <translation>Siaran memeriksa tiap kanal lebih dulu, jadi tidak ada yang terbit dua kali.</translation>
    </message>
    <message>
        <source>not finished</source>
        <translation>belum selesai</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Lanjutkan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Melanjutkan…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Everything is published.</source>
        <translation>Semua sudah terbit.</translation>
    </message>
    <message numerus="yes">
        <source>%n send(s) still did not go out.</source>
        <translation>
            <numerusform>%n pengiriman masih belum terkirim.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review a post for approval</source>
        <translation>Telaah postingan untuk persetujuan</translation>
    </message>
    <message>
        <source>Drafted by {drafter}</source>
        <translation>Disusun oleh {drafter}</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Sidik</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Pemberi persetujuan</translation>
    </message>
    <message>
        <source>A comment for the drafter (needed to reject)</source>
        <translation>Catatan untuk konseptor (wajib saat menolak)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>The decision line to paste into the chat appears here</source>
        <translation>Baris keputusan untuk ditempel ke obrolan muncul di sini</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Tolak</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Setujui</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Say why the post is rejected in the comment</source>
        <translation>Tuliskan alasan penolakan pada catatan</translation>
    </message>
    <message>
        <source>Save the decision</source>
        <translation>Simpan keputusan</translation>
    </message>
    <message>
        <source>Decision (*.json)</source>
        <translation>Keputusan (*.json)</translation>
    </message>
</context>
<context>
    <name>ScheduleField</name>
    <message>
        <source>Schedule &amp;for</source>
        <translation>Jadwalkan &amp;pada</translation>
    </message>
    <message>
        <source>Date and time in {zone}</source>
        <translation>Tanggal dan waktu dalam {zone}</translation>
    </message>
    <message>
        <source>The office&apos;s time zone (set in the office profile)</source>
        <translation>Zona waktu kantor (diatur di profil kantor)</translation>
    </message>
    <message>
        <source>Scheduling into this day is refused: {reason}</source>
        <translation>Penjadwalan pada hari ini ditolak: {reason}</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Akun…</translation>
    </message>
    <message>
        <source>P&amp;ractice mode</source>
        <translation>Mode &amp;latihan</translation>
    </message>
    <message>
        <source>Practice mode: local practice channels to train on, never a real account (Ctrl+Shift+P)</source>
        <translation>Mode latihan: kanal latihan lokal untuk berlatih, tidak pernah ke akun sungguhan (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Bahasa sistem</translation>
    </message>
    <message>
        <source>Starting the practice servers…</source>
        <translation>Menyalakan server latihan…</translation>
    </message>
    <message>
        <source>Stopping the practice servers…</source>
        <translation>Mematikan server latihan…</translation>
    </message>
    <message>
        <source>Practice mode: practice channels are ready; nothing reaches a real account.</source>
        <translation>Mode latihan: kanal latihan siap; tidak ada yang sampai ke akun sungguhan.</translation>
    </message>
    <message>
        <source>Practice mode is off.</source>
        <translation>Mode latihan mati.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Signing in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Memulai…</translation>
    </message>
    <message>
        <source>No browser opened. Open this address in a browser on this computer to sign in:</source>
        <translation>Peramban tidak terbuka. Buka alamat ini di peramban pada komputer ini untuk masuk:</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>Alamat masuk</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>Choose where Siaran publishes:</source>
        <translation>Pilih tempat Siaran menerbitkan:</translation>
    </message>
    <message>
        <source>Pages you manage</source>
        <translation>Halaman yang Anda kelola</translation>
    </message>
    <message>
        <source>&amp;Use this one</source>
        <translation>&amp;Gunakan yang ini</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Signing in to {platform}</source>
        <translation>Masuk ke {platform}</translation>
    </message>
    <message>
        <source>Signed in. Choose where Siaran publishes, then press “Use this one”.</source>
        <translation>Sudah masuk. Pilih tempat Siaran menerbitkan, lalu tekan “Gunakan yang ini”.</translation>
    </message>
    <message>
        <source>Finishing the sign-in…</source>
        <translation>Menyelesaikan proses masuk…</translation>
    </message>
    <message>
        <source>Time left to sign in: {time}</source>
        <translation>Sisa waktu untuk masuk: {time}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <source>Sign-in cancelled; nothing was saved.</source>
        <translation>Masuk dibatalkan; tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Tersalin</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Galat tak terduga: {error}</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Template</source>
        <translation>Templat</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <source>Save as new template…</source>
        <translation>Simpan sebagai templat baru…</translation>
    </message>
    <message>
        <source>Use this template</source>
        <translation>Gunakan templat ini</translation>
    </message>
    <message>
        <source>Show a shape large</source>
        <translation>Tampilkan satu bentuk dalam ukuran besar</translation>
    </message>
    <message>
        <source>Nudge the selected layer</source>
        <translation>Geser sedikit lapisan yang dipilih</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Templat:</translation>
    </message>
    <message>
        <source>Placeholders</source>
        <translation>Isian</translation>
    </message>
    <message>
        <source>Layers (🔒 locked ones stay put)</source>
        <translation>Lapisan (yang 🔒 terkunci tetap di tempatnya)</translation>
    </message>
    <message>
        <source>Template canvas</source>
        <translation>Kanvas templat</translation>
    </message>
    <message>
        <source>Show {shape} large</source>
        <translation>Tampilkan {shape} dalam ukuran besar</translation>
    </message>
    <message>
        <source>Every shape, side by side (click one to edit it large):</source>
        <translation>Semua bentuk berdampingan (klik salah satu untuk menyuntingnya dalam ukuran besar):</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Nama akun</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Title, image {n}</source>
        <translation>Judul, gambar {n}</translation>
    </message>
    <message>
        <source>as above</source>
        <translation>sama seperti di atas</translation>
    </message>
    <message>
        <source>no date: add one, or schedule the post</source>
        <translation>tanpa tanggal: isi tanggal, atau jadwalkan unggahan</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Kepala</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Pita</translation>
    </message>
    <message>
        <source>Accent</source>
        <translation>Aksen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Shade</source>
        <translation>Bayangan</translation>
    </message>
    <message>
        <source>Quotation mark</source>
        <translation>Tanda kutip</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Pembicara</translation>
    </message>
    <message>
        <source>text</source>
        <translation>teks</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>foto</translation>
    </message>
    <message>
        <source>logo</source>
        <translation>logo</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>bentuk</translation>
    </message>
    <message>
        <source>The layer &apos;{layer}&apos; is locked: it keeps its place in every shape.</source>
        <translation>Lapisan &apos;{layer}&apos; terkunci: posisinya tetap di setiap bentuk.</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>Menggambar…</translation>
    </message>
    <message>
        <source>The photo cannot be shown: {reason}</source>
        <translation>Foto tidak dapat ditampilkan: {reason}</translation>
    </message>
    <message>
        <source>Give the new template a name.</source>
        <translation>Beri nama templat baru.</translation>
    </message>
    <message>
        <source>A template called &apos;{name}&apos; already exists.</source>
        <translation>Templat bernama &apos;{name}&apos; sudah ada.</translation>
    </message>
    <message>
        <source>Saved as &apos;{name}&apos;.</source>
        <translation>Disimpan sebagai &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>Save as new template</source>
        <translation>Simpan sebagai templat baru</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nama:</translation>
    </message>
    <message>
        <source>Save your changes as a new template to use them.</source>
        <translation>Simpan perubahan Anda sebagai templat baru untuk memakainya.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>&amp;Open Siaran</source>
        <translation>&amp;Buka Siaran</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <source>Position in the video</source>
        <translation>Posisi dalam video</translation>
    </message>
    <message>
        <source>Scrub to pick the cover or where the video starts and ends (arrows: a tenth of a second, Page Up/Down: a second)</source>
        <translation>Geser untuk memilih sampul atau titik awal dan akhir video (panah: sepersepuluh detik, Page Up/Down: satu detik)</translation>
    </message>
    <message>
        <source>Use as cover</source>
        <translation>Jadikan sampul</translation>
    </message>
    <message>
        <source>This frame is the video&apos;s cover (Ctrl+Shift+K)</source>
        <translation>Bingkai ini menjadi sampul video (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Start here</source>
        <translation>Mulai di sini</translation>
    </message>
    <message>
        <source>The video starts at this moment ([)</source>
        <translation>Video dimulai pada saat ini ([)</translation>
    </message>
    <message>
        <source>End here</source>
        <translation>Berakhir di sini</translation>
    </message>
    <message>
        <source>The video ends at this moment (])</source>
        <translation>Video berakhir pada saat ini (])</translation>
    </message>
    <message>
        <source>Whole video</source>
        <translation>Seluruh video</translation>
    </message>
    <message>
        <source>Send the video from start to end</source>
        <translation>Kirim video dari awal sampai akhir</translation>
    </message>
    <message>
        <source>Start at the keyframe</source>
        <translation>Mulai di bingkai kunci</translation>
    </message>
    <message>
        <source>Burn captions into the picture</source>
        <translation>Tanamkan takarir ke dalam gambar</translation>
    </message>
    <message>
        <source>Captions…</source>
        <translation>Takarir…</translation>
    </message>
    <message>
        <source>Attach or replace the video&apos;s captions file (SRT or WebVTT)</source>
        <translation>Lampirkan atau ganti berkas takarir video (SRT atau WebVTT)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Remove captions</source>
        <translation>Hapus takarir</translation>
    </message>
    <message>
        <source>The video goes out without captions</source>
        <translation>Video dikirim tanpa takarir</translation>
    </message>
    <message>
        <source>Choose the video&apos;s captions</source>
        <translation>Pilih takarir video</translation>
    </message>
    <message>
        <source>Captions (*.srt *.vtt)</source>
        <translation>Takarir (*.srt *.vtt)</translation>
    </message>
    <message>
        <source>The captions must be an SRT or WebVTT file (.srt, .vtt)</source>
        <translation>Takarir harus berupa berkas SRT atau WebVTT (.srt, .vtt)</translation>
    </message>
    <message>
        <source>Channels that take no captions file get the captions drawn onto the video; the others get the clean video and the file</source>
        <translation>Kanal yang tidak menerima berkas takarir mendapat takarir yang digambar ke video; kanal lain mendapat video bersih beserta berkasnya</translation>
    </message>
    <message>
        <source>The video has no captions file</source>
        <translation>Video ini tidak memiliki berkas takarir</translation>
    </message>
    <message>
        <source>Cover: the frame at {moment}</source>
        <translation>Sampul: bingkai pada {moment}</translation>
    </message>
    <message>
        <source>The whole video goes out ({length}).</source>
        <translation>Seluruh video dikirim ({length}).</translation>
    </message>
    <message>
        <source>Goes out from {start} to {end} ({length}).</source>
        <translation>Dikirim dari {start} sampai {end} ({length}).</translation>
    </message>
    <message>
        <source>Cut without re-encoding.</source>
        <translation>Dipotong tanpa dikodekan ulang.</translation>
    </message>
    <message>
        <source>Starts between keyframes: re-encoded (keyframe before: {moment}).</source>
        <translation>Mulai di antara bingkai kunci: dikodekan ulang (bingkai kunci sebelumnya: {moment}).</translation>
    </message>
    <message>
        <source>No captions</source>
        <translation>Tanpa takarir</translation>
    </message>
    <message>
        <source>Captions: {name} cannot be read</source>
        <translation>Takarir: {name} tidak dapat dibaca</translation>
    </message>
    <message numerus="yes">
        <source>Captions (%n cue(s)): {name}</source>
        <translation>
            <numerusform>Takarir (%n baris): {name}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomeController</name>
    <message>
        <source>&amp;Office profile…</source>
        <translation>Profil &amp;kantor…</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>&amp;Panduan memulai</translation>
    </message>
    <message>
        <source>&amp;About Siaran</source>
        <translation>&amp;Tentang Siaran</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Ikuti sistem</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Terang</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Gelap</translation>
    </message>
    <message>
        <source>Office profile saved.</source>
        <translation>Profil kantor disimpan.</translation>
    </message>
    <message>
        <source>New draft</source>
        <translation>Draf baru</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Siaran</source>
        <translation>Selamat datang di Siaran</translation>
    </message>
    <message>
        <source>Write a post once; Siaran shapes it for every channel and shows how it will look. No channel is connected yet. Choose where to start:</source>
        <translation>Tulis unggahan sekali; Siaran menyesuaikannya untuk setiap kanal dan menunjukkan tampilannya. Belum ada kanal yang terhubung. Pilih langkah pertama:</translation>
    </message>
    <message>
        <source>&amp;Try it in practice mode</source>
        <translation>&amp;Coba dengan mode latihan</translation>
    </message>
    <message>
        <source>Practice channels on this computer: publish freely, nothing reaches the public.</source>
        <translation>Kanal latihan di komputer ini: terbitkan sesuka hati, tidak ada yang sampai ke publik.</translation>
    </message>
    <message>
        <source>&amp;Connect a channel</source>
        <translation>&amp;Hubungkan kanal</translation>
    </message>
    <message>
        <source>Add the office&apos;s WordPress site, Instagram, X, Telegram and other accounts.</source>
        <translation>Tambahkan situs WordPress kantor, Instagram, X, Telegram, dan akun lainnya.</translation>
    </message>
    <message>
        <source>Set up the &amp;office profile</source>
        <translation>Atur profil &amp;kantor</translation>
    </message>
    <message>
        <source>Name, logo, handle and time zone, used on templates, previews and reports.</source>
        <translation>Nama, logo, nama akun, dan zona waktu, dipakai pada templat, pratinjau, dan laporan.</translation>
    </message>
    <message>
        <source>Just start &amp;writing</source>
        <translation>Langsung &amp;menulis</translation>
    </message>
</context>
<context>
    <name>owner</name>
    <message numerus="yes">
        <source>Published to %n channel(s).</source>
        <translation>
            <numerusform>Diterbitkan ke %n kanal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) already published; nothing sent.</source>
        <translation>
            <numerusform>%n kanal sudah diterbitkan; tidak ada yang dikirim.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) changed since published: choose what to do.</source>
        <translation>
            <numerusform>%n kanal berubah sejak diterbitkan: pilih tindakannya.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) did not go out.</source>
        <translation>
            <numerusform>%n kanal tidak terkirim.</numerusform>
        </translation>
    </message>
</context>
</TS>
