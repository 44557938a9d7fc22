package org.refocus.statistics.internal;

/** Cholesky factorisation of small symmetric matrices stored row-major in a flat array. */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * Overwrites the lower triangle of {@code a} (n×n) with L, where a = L Lᵀ; the upper triangle is
     * left as it was and must be ignored.
     *
     * @param checked the leading columns whose pivots are checked against {@code tolerance} times
     *     their original diagonal; later pivots must only be non-negative (a zero last pivot is a
     *     perfect fit, not an error)
     * @return the first checked column whose pivot failed, or −1
     */
    static int decomposeInPlace(double[] a, int n, int checked, double[] originalDiagonal, double tolerance) {
        for (int j = 0; j < n; j++) {
            double diagonal = a[j * n + j];
            for (int k = 0; k < j; k++) {
                double l = a[j * n + k];
                diagonal -= l * l;
            }
            if (j < checked) {
                if (!(diagonal > tolerance * originalDiagonal[j]) || !(diagonal > 0)) {
                    return j;
                }
            } else if (!(diagonal > 0)) {
                diagonal = 0;
            }
            double pivot = Math.sqrt(diagonal);
            a[j * n + j] = pivot;
            for (int i = j + 1; i < n; i++) {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    sum -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = pivot > 0 ? sum / pivot : 0;
            }
        }
        return -1;
    }

    /** Solves L_pᵀ x = x in place, L_p the leading p×p block of the factor stored with stride n. */
    static void solveUpper(double[] factor, int n, int p, double[] x) {
        for (int i = p - 1; i >= 0; i--) {
            double sum = x[i];
            for (int k = i + 1; k < p; k++) {
                sum -= factor[k * n + i] * x[k];
            }
            x[i] = sum / factor[i * n + i];
        }
    }

    /** (L_p L_pᵀ)⁻¹ as a p×p row-major matrix. */
    static double[] inverseFromFactor(double[] factor, int n, int p) {
        // Invert L (lower) column by column, then form L⁻ᵀ L⁻¹.
        double[] lInverse = new double[p * p];
        for (int col = 0; col < p; col++) {
            for (int i = col; i < p; i++) {
                double sum = i == col ? 1.0 : 0.0;
                for (int k = col; k < i; k++) {
                    sum -= factor[i * n + k] * lInverse[k * p + col];
                }
                lInverse[i * p + col] = sum / factor[i * n + i];
            }
        }
        double[] inverse = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int k = i; k < p; k++) {
                    sum += lInverse[k * p + i] * lInverse[k * p + j];
                }
                inverse[i * p + j] = sum;
                inverse[j * p + i] = sum;
            }
        }
        return inverse;
    }
}
