#!/usr/bin/perl
# Writes a small PDF whose object stream inflates to MB megabytes of spaces (a decompression bomb
# that a PDF library decodes when it reads the catalogue), for tests/t_hostile.sh.
#   perl tests/pdfbomb.pl MB > bomb.pdf
use strict;
use warnings;
use Compress::Zlib;

my $mb = shift // 1024;
my $catalog = "2 0 <</Type/Catalog/Pages 3 0 R>>";
my ($z) = deflateInit(-Level => Z_BEST_COMPRESSION);
my ($data) = $z->deflate($catalog);
my $chunk = ' ' x (1 << 20);
$data .= ($z->deflate($chunk))[0] for 1 .. $mb;
$data .= ($z->flush())[0];

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
