#!/usr/bin/perl
# Writes a small PDF whose object stream inflates to MB megabytes of spaces (a decompression bomb
# that a PDF library decodes when it reads the catalogue), for tests/t_hostile.sh.
#   perl tests/pdfbomb.pl MB > bomb.pdf
use strict;
use warnings;
use Compress::Zlib;

my $mb = shift // 1024;
my $catalog = "2 0 <</Type/Catalog/Pages 3 0 R>>";
# Deflating a gigabyte takes seconds; a full flush empties the dictionary, so every megabyte of spaces
# after one deflates to the same bytes: deflate one, repeat it, and end the stream with the final
# block and the Adler-32 of the whole (worked out, not summed byte by byte).
my ($z) = deflateInit(-Level => Z_BEST_COMPRESSION);
my $data = ($z->deflate($catalog))[0] . ($z->flush(Z_FULL_FLUSH))[0];
my $chunk = ' ' x (1 << 20);
$data .= (($z->deflate($chunk))[0] . ($z->flush(Z_FULL_FLUSH))[0]) x $mb;
my $end = ($z->flush())[0];
# Adler-32: a = 1 + sum of the bytes, b = sum of the a after each byte (mod 65521); n more bytes c
# add n*c to a and n*a + c*n(n+1)/2 to b
my ($m, $a, $b) = (65521, 1, 0);
for my $ch (unpack 'C*', $catalog) { $a = ($a + $ch) % $m; $b = ($b + $a) % $m; }
my $n = $mb * (1 << 20);
my $tri = ($n % 2 ? (($n + 1) / 2 % $m) * ($n % $m) : ($n / 2 % $m) * (($n + 1) % $m)) % $m;
$b = ($b + ($n % $m) * $a + 32 * $tri) % $m;
$a = ($a + ($n % $m) * 32) % $m;
$data .= substr($end, 0, -4) . pack('N', ($b << 16) | $a);

my $out = "%PDF-1.5\n";
my %off;
$off{1} = length $out;
$out .= "1 0 obj\n<</Type/ObjStm/N 1/First 4/Length " . length($data) . "/Filter/FlateDecode>>\nstream\n$data\nendstream\nendobj\n";
$off{3} = length $out;
$out .= "3 0 obj\n<</Type/Pages/Kids[]/Count 0>>\nendobj\n";
my $xref = length $out;
# cross-reference stream: type (1 byte), offset or stream number (4), index or generation (2)
my $rows = pack('CNn', 0, 0, 65535) . pack('CNn', 1, $off{1}, 0) . pack('CNn', 2, 1, 0)
	. pack('CNn', 1, $off{3}, 0) . pack('CNn', 1, $xref, 0);
$out .= "4 0 obj\n<</Type/XRef/Size 5/W[1 4 2]/Root 2 0 R/Length " . length($rows) . ">>\nstream\n$rows\nendstream\nendobj\n";
$out .= "startxref\n$xref\n%%EOF\n";
binmode STDOUT;
print $out;
