package org.joinedup.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;

/** Counts what is read and refuses (413) the byte past the limit, so a file over it is never held whole. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        count += n;
        if (count > limit) {
            throw tooLarge(limit);
        }
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(Problem.of("too-large", "Request too large", 413,
                "the import file is over " + limit + " bytes (joinedup.import.max-size); split it into smaller files, each imports on its own"));
    }
}
